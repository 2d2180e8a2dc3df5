#include "gui/panel_frames.h"

#include <imgui.h>

#include <string>

#include "gui/draw.h"
#include "view/struct_layout.h"

namespace ys::gui {

namespace {

// What just happened to this frame's generator, in words, for the frame's badge.
std::string badge(const trace::HeapState& st, const trace::FrameInfo& f) {
    using K = trace::EventKind;
    if (!f.generator || st.event.subject != f.generator) return {};
    const std::string v = view::value_text(st.event.value);
    switch (st.event.kind) {
    case K::GenYield: return "yielded " + v;
    case K::GenResume: return st.event.value.kind == trace::Value::Kind::Null ? "resumed" : "resumed, sent " + v;
    case K::GenReturn: return "returned " + v + " (StopIteration)";
    case K::ExcStateSave: return "exception state saved";
    case K::ExcStateRestore: return "exception state pushed";
    case K::GenClose: return "closing";
    case K::GenCreate: return "created";
    default: return {};
    }
}

}  // namespace

void FramesPanel::draw(PanelContext& ctx) {
    const trace::HeapState& st = ctx.state;
    const Theme& th = ctx.theme;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float pad = 4.0f;
    const float box_h = size * 3 + pad * 4;
    const float gap = size * 1.3f;
    ImGui::BeginChild("frames_canvas", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool two_columns = !st.suspended_frames.empty() && avail > size * 34;
    const float col_w = two_columns ? (avail - gap) / 2 : avail - 4;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowSize().y;
    auto frame_box = [&](ImVec2 p, const trace::FrameInfo& f, bool suspended, bool innermost) {
        const ImVec2 q(p.x + col_w, p.y + box_h);
        if (q.y < clip_top || p.y > clip_bottom) return;   // off screen
        dl->AddRectFilled(p, q, suspended ? IM_COL32(236, 236, 236, 255) : th.box_fill);
        const bool changed = st.diff.created_here(f.frame) || st.diff.field_changed(f.frame, "previous") ||
                             (f.generator && st.event.subject == f.generator);
        if (suspended)
            draw_dashed_rect(dl, p, q, th.suspended, 1.0f);
        else
            dl->AddRect(p, q, changed ? th.changed : th.box_border, 0, 0, changed ? 2.0f : 1.0f);
        const std::string name = (f.generator ? "\xE2\x97\x8F " : "") + (f.name.empty() ? std::string("?") : f.name);
        std::string where = "line " + std::to_string(f.line) + "  f_lasti " + std::to_string(f.lasti);
        const ImU32 text = suspended ? th.suspended : th.text;
        dl->AddText(font, size, ImVec2(p.x + pad, p.y + pad), text, name.c_str());
        dl->AddText(font, size, ImVec2(p.x + pad, p.y + pad * 2 + size), suspended ? th.suspended : th.text_dim,
                    where.c_str());
        std::string b = badge(st, f);
        if (suspended) b = b.empty() ? "suspended, no caller" : b + " \xC2\xB7 suspended";
        else if (innermost) b = b.empty() ? "running" : b;
        if (!b.empty()) {
            const ImU32 color = st.event.kind == trace::EventKind::GenYield && st.event.subject == f.generator
                                    ? IM_COL32(30, 140, 50, 255)
                                    : (suspended ? th.suspended : th.text_dim);
            const ImVec4 clip(p.x, p.y, q.x - pad, q.y);
            dl->AddText(font, size, ImVec2(p.x + pad, p.y + pad * 3 + size * 2), color, b.c_str(), nullptr, 0, &clip);
        }
    };

    ImGui::TextDisabled("call stack (innermost first)");
    float y = origin.y + size + pad;
    const float x0 = origin.x;
    if (st.frame_stack.empty()) dl->AddText(font, size, ImVec2(x0, y), th.text_dim, "(empty)");
    for (size_t i = 0; i < st.frame_stack.size(); ++i) {
        frame_box(ImVec2(x0, y), st.frame_stack[i], false, i == 0);
        if (i + 1 < st.frame_stack.size()) {
            const ImVec2 a(x0 + size, y + box_h), b(x0 + size, y + box_h + gap);
            draw_line_arrow(dl, a, b, th.arrow, th.line_thickness, size * 0.45f);
            dl->AddText(font, size * 0.85f, ImVec2(a.x + 6, a.y + 2), th.text_dim, "previous");
        }
        y += box_h + gap;
    }
    float y_end = y;
    if (!st.suspended_frames.empty()) {
        float sx = two_columns ? x0 + col_w + gap : x0;
        float sy = two_columns ? origin.y + size + pad : y;
        dl->AddText(font, size, ImVec2(sx, sy - (two_columns ? 0 : 0)), th.text_dim,
                    "suspended generator frames");
        sy += size + pad;
        for (const auto& f : st.suspended_frames) {
            frame_box(ImVec2(sx, sy), f, true, false);
            dl->AddText(font, size * 0.85f, ImVec2(sx + size, sy + box_h + 1), th.suspended,
                        "previous = NULL");
            sy += box_h + gap;
        }
        y_end = std::max(y_end, sy);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail - 4, y_end - origin.y));
    ImGui::EndChild();
}

}  // namespace ys::gui
