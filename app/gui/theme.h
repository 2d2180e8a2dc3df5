// Colours: the normal (light) theme, the high-contrast presentation theme, and one colour
// per event kind for the timeline.
#pragma once

#include <imgui.h>

#include "trace/sink.h"

namespace ys::gui {

struct Theme {
    ImU32 text = IM_COL32(20, 20, 20, 255);
    ImU32 text_dim = IM_COL32(120, 120, 120, 255);
    ImU32 box_fill = IM_COL32(255, 255, 255, 255);
    ImU32 box_title = IM_COL32(214, 226, 240, 255);
    ImU32 box_border = IM_COL32(60, 60, 60, 255);
    ImU32 grid = IM_COL32(200, 200, 200, 255);
    ImU32 canvas = IM_COL32(246, 246, 242, 255);
    ImU32 changed = IM_COL32(220, 20, 20, 255);      // the diagrams' red outline
    ImU32 arrow = IM_COL32(40, 70, 150, 255);
    ImU32 cycle = IM_COL32(230, 120, 0, 255);
    ImU32 garbage = IM_COL32(150, 60, 160, 255);
    ImU32 path = IM_COL32(0, 150, 60, 255);
    ImU32 selected = IM_COL32(0, 120, 215, 255);
    ImU32 current_line = IM_COL32(255, 236, 150, 255);
    ImU32 suspended = IM_COL32(150, 150, 150, 255);
    // Suspended things (generator frames, saved exception states): the light theme's
    // window grey, so that on a light-theme panel the fill costs nothing (fill_box).
    ImU32 suspended_fill = IM_COL32(240, 240, 240, 255);
    float line_thickness = 2.0f;   // whole pixels draw cheaply (ImGui line texture)
};

Theme normal_theme();
Theme high_contrast_theme();
void apply_imgui_style(bool high_contrast);

ImU32 event_color(trace::EventKind kind);
// The kinds listed in the timeline's filter and jump menu, most telling first.
const std::vector<trace::EventKind>& timeline_kinds();

}  // namespace ys::gui
