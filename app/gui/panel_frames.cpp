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

// Library code (the asyncio modules run as frozen Python) rather than the program's.
bool library_frame(const trace::Trace& t, const trace::FrameInfo& f) {
    const CodeObject* code = t.code(f.code);
    return code && code->co_filename.rfind("<frozen ", 0) == 0;
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
    const trace::Trace& tr = ctx.doc.trace();
    bool any_library = false;
    for (const auto* list : {&st.frame_stack, &st.suspended_frames})
        for (const auto& f : *list) any_library = any_library || library_frame(tr, f);
    if (any_library) ImGui::Checkbox("fold asyncio's own frames", &fold_library_);
    const bool fold = any_library && fold_library_;
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
        fill_box(dl, p, q, suspended ? th.suspended_fill : th.box_fill);
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
    const float fold_h = size + pad * 2;
    for (size_t i = 0; i < st.frame_stack.size(); ++i) {
        const bool folded_run = fold && i > 0 && library_frame(tr, st.frame_stack[i]);
        if (folded_run) {
            // One line for the whole run of library frames (the innermost frame is always
            // drawn in full: it is where the program is).
            size_t end = i;
            while (end < st.frame_stack.size() && library_frame(tr, st.frame_stack[end])) ++end;
            const ImVec2 p(x0, y), q(x0 + col_w, y + fold_h);
            if (q.y >= clip_top && p.y <= clip_bottom) {
                draw_dashed_rect(dl, p, q, th.text_dim, 1.0f, 4.0f);
                const std::string text = "\xE2\x80\xA6 " + std::to_string(end - i) + " asyncio frame" + (end - i == 1 ? "" : "s") +
                                         " (" + st.frame_stack[i].name + (end - i > 1 ? " ..." : "") + ")";
                const ImVec4 clip(p.x, p.y, q.x - pad, q.y);
                dl->AddText(font, size, ImVec2(p.x + pad, p.y + pad), th.text_dim, text.c_str(), nullptr, 0, &clip);
            }
            i = end - 1;
            y += fold_h;
            if (end < st.frame_stack.size()) {
                draw_line_arrow(dl, ImVec2(x0 + size, y), ImVec2(x0 + size, y + gap), th.arrow, th.line_thickness, size * 0.45f);
                y += gap;
            }
            continue;
        }
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
        size_t hidden = 0;
        for (const auto& f : st.suspended_frames) {
            if (fold && library_frame(tr, f)) {
                ++hidden;
                continue;
            }
            frame_box(ImVec2(sx, sy), f, true, false);
            dl->AddText(font, size * 0.85f, ImVec2(sx + size, sy + box_h + 1), th.suspended,
                        "previous = NULL");
            sy += box_h + gap;
        }
        if (hidden) {
            const std::string text = "+ " + std::to_string(hidden) + " suspended asyncio frame" + (hidden == 1 ? "" : "s");
            dl->AddText(font, size, ImVec2(sx, sy), th.text_dim, text.c_str());
            sy += size + pad;
        }
        y_end = std::max(y_end, sy);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail - 4, y_end - origin.y));
    ImGui::EndChild();
}

}  // namespace ys::gui
