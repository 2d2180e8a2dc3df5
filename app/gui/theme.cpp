#include "gui/theme.h"

#include <vector>

namespace ys::gui {

Theme normal_theme() { return Theme{}; }

Theme high_contrast_theme() {
    Theme t;
    t.text = IM_COL32(0, 0, 0, 255);
    t.text_dim = IM_COL32(70, 70, 70, 255);
    t.box_fill = IM_COL32(255, 255, 255, 255);
    t.box_title = IM_COL32(255, 255, 170, 255);
    t.box_border = IM_COL32(0, 0, 0, 255);
    t.canvas = IM_COL32(255, 255, 255, 255);
    t.changed = IM_COL32(230, 0, 0, 255);
    t.arrow = IM_COL32(0, 0, 200, 255);
    t.line_thickness = 3.0f;
    return t;
}

void apply_imgui_style(bool high_contrast) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 2;
    style.WindowBorderSize = 1;
    // No scrollbar track: the light theme's is a barely visible tint, and on a software
    // rasteriser every scrolling panel pays for it (the grab still shows where one is).
    style.Colors[ImGuiCol_ScrollbarBg].w = 0;
    if (high_contrast) {
        style.Colors[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_TitleBg] = ImVec4(0.82f, 0.82f, 0.82f, 1);
        style.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.72f, 0.78f, 0.95f, 1);
        style.Colors[ImGuiCol_Border] = ImVec4(0, 0, 0, 1);
        style.WindowBorderSize = 2;
    }
}

ImU32 event_color(trace::EventKind kind) {
    using K = trace::EventKind;
    switch (kind) {
    case K::GenYield: return IM_COL32(40, 160, 60, 255);
    case K::GenResume: return IM_COL32(40, 100, 220, 255);
    case K::ExcStateSave: return IM_COL32(200, 140, 0, 255);
    case K::ExcStateRestore: return IM_COL32(230, 190, 40, 255);
    case K::ExcRaised: return IM_COL32(220, 40, 40, 255);
    case K::ExcCaught: return IM_COL32(240, 120, 120, 255);
    case K::Dealloc: return IM_COL32(120, 60, 30, 255);
    case K::Finalizer: return IM_COL32(170, 100, 60, 255);
    case K::GcStart:
    case K::GcEnd: return IM_COL32(150, 60, 170, 255);
    case K::GenCreate:
    case K::CoroCreate: return IM_COL32(0, 170, 170, 255);
    case K::GenClose:
    case K::GenExit: return IM_COL32(200, 60, 140, 255);
    case K::GenReturn: return IM_COL32(20, 120, 120, 255);
    case K::FramePush:
    case K::FramePop: return IM_COL32(150, 150, 150, 255);
    case K::Output: return IM_COL32(90, 90, 90, 255);
    case K::AwaitSuspend: return IM_COL32(60, 190, 110, 255);
    // Level 2: the event loop's own events, in the blue-violet family.
    case K::LoopCallback: return IM_COL32(90, 70, 200, 255);
    case K::TaskScheduled: return IM_COL32(240, 150, 40, 255);
    case K::TimerFired: return IM_COL32(210, 40, 170, 255);
    case K::HookCall: return IM_COL32(130, 150, 40, 255);
    case K::FreeListReuse: return IM_COL32(110, 160, 200, 255);
    default: return IM_COL32(190, 190, 190, 255);
    }
}

const std::vector<trace::EventKind>& timeline_kinds() {
    using K = trace::EventKind;
    static const std::vector<K> kinds = {
        // Also the drawing priority when several kinds share a pixel column: the loop's
        // own events (Level 2) come right after yields and resumes.
        K::GenYield, K::GenResume, K::TimerFired, K::TaskScheduled, K::LoopCallback, K::AwaitSuspend,
        K::ExcStateSave, K::ExcStateRestore, K::GenCreate, K::CoroCreate, K::GenReturn,
        K::GenClose, K::GenExit, K::HookCall, K::FreeListReuse, K::ExcRaised, K::ExcCaught, K::Dealloc,
        K::Finalizer, K::GcStart, K::GcEnd, K::FramePush, K::FramePop, K::Output, K::Line, K::Instruction,
        K::ProgramStart, K::ProgramEnd,
    };
    return kinds;
}

}  // namespace ys::gui
