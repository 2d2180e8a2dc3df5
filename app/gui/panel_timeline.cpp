#include "gui/panel_timeline.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "view/event_loop.h"

namespace ys::gui {

void TimelinePanel::draw(PanelContext& ctx) {
    Document& doc = ctx.doc;
    const view::TimelineIndex& index = doc.timeline();
    const uint64_t steps = doc.step_count();
    const float fsize = ImGui::GetFontSize();

    // Filter by kind.
    if (ImGui::Button("Filter kinds...")) ImGui::OpenPopup("timeline_filter");
    if (ImGui::BeginPopup("timeline_filter")) {
        if (ImGui::Button("all")) ctx.view.filter = ~view::KindMask{0};
        ImGui::SameLine();
        if (ImGui::Button("none")) ctx.view.filter = 0;
        for (trace::EventKind k : timeline_kinds()) {
            const int ki = static_cast<int>(k);
            if (!(index.present() & view::kind_bit(ki))) continue;
            bool on = (ctx.view.filter & view::kind_bit(ki)) != 0;
            ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(event_color(k)));
            char label[96];
            std::snprintf(label, sizeof label, "%s (%lld)", trace::event_kind_label(k),
                          static_cast<long long>(index.count(ki)));
            if (ImGui::Checkbox(label, &on)) ctx.view.filter ^= view::kind_bit(ki);
            ImGui::PopStyleColor();
        }
        ImGui::EndPopup();
    }
    // Legend of the kinds shown, coloured, on one line (the filter popup lists them all).
    for (trace::EventKind k : timeline_kinds()) {
        const int ki = static_cast<int>(k);
        if (!(index.present() & view::kind_bit(ki)) || !(ctx.view.filter & view::kind_bit(ki))) continue;
        const float item_w = fsize * 0.7f + 2 + ImGui::CalcTextSize(trace::event_kind_label(k)).x;
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        if (ImGui::GetItemRectMax().x + item_w + fsize * 2 > right) {
            ImGui::SameLine();
            ImGui::TextDisabled("\xE2\x80\xA6");
            break;
        }
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + fsize * 0.25f),
                                                  ImVec2(p.x + fsize * 0.6f, p.y + fsize * 0.85f), event_color(k));
        ImGui::Dummy(ImVec2(fsize * 0.7f, fsize));
        ImGui::SameLine(0, 2);
        ImGui::TextUnformatted(trace::event_kind_label(k));
    }

    // Scrubber.
    const float h = fsize * 2.2f;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = std::max(ImGui::GetContentRegionAvail().x, 50.0f);
    ImGui::InvisibleButton("scrubber", ImVec2(w, h));
    const bool active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The strip's background is filled only where no run of events covers it (above and
    // below the runs, and in empty columns): each pixel shaded once.
    const ImU32 strip_bg = IM_COL32(250, 250, 250, 255);
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + 3), strip_bg);
    dl->AddRectFilled(ImVec2(p0.x, p0.y + h - 3), ImVec2(p0.x + w, p0.y + h), strip_bg);
    const int width = static_cast<int>(w);
    if (&doc != doc_ || width != width_ || ctx.view.filter != mask_) {
        bins_ = index.bins(0, static_cast<int64_t>(steps), width, ctx.view.filter);
        doc_ = &doc;
        width_ = width;
        mask_ = ctx.view.filter;
    }
    std::vector<int> priority;
    for (trace::EventKind k : timeline_kinds()) priority.push_back(static_cast<int>(k));
    // One rectangle per run of columns showing the same kind (a million-step trace is
    // mostly long runs), not one line per pixel column.
    for (int c = 0; c < width;) {
        const int kind = view::pick_kind(bins_[static_cast<size_t>(c)], priority);
        int end = c + 1;
        while (end < width && view::pick_kind(bins_[static_cast<size_t>(end)], priority) == kind) ++end;
        dl->AddRectFilled(ImVec2(p0.x + static_cast<float>(c), p0.y + 3),
                          ImVec2(p0.x + static_cast<float>(end), p0.y + h - 3),
                          kind >= 0 ? event_color(static_cast<trace::EventKind>(kind)) : strip_bg);
        c = end;
    }
    // Annotated steps: small marks on top.
    for (const auto& [s, note] : doc.trace().annotations) {
        if (note.empty()) continue;
        const float x = p0.x + view::step_x(static_cast<int64_t>(s), w, 0, static_cast<int64_t>(steps));
        dl->AddTriangleFilled(ImVec2(x - 4, p0.y), ImVec2(x + 4, p0.y), ImVec2(x, p0.y + 6), IM_COL32(0, 0, 0, 255));
    }
    const float cx = p0.x + view::step_x(static_cast<int64_t>(ctx.state.step), w, 0, static_cast<int64_t>(steps));
    dl->AddRectFilled(ImVec2(cx - 1.5f, p0.y), ImVec2(cx + 1.5f, p0.y + h), IM_COL32(220, 20, 20, 255));
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), IM_COL32(120, 120, 120, 255));
    if (ImGui::IsItemHovered() && steps) {
        const int64_t s = view::step_at(ImGui::GetIO().MousePos.x - p0.x, w, 0, static_cast<int64_t>(steps));
        ImGui::SetTooltip("step %lld: %s", static_cast<long long>(s),
                          trace::event_kind_label(doc.trace().event_kind(static_cast<uint64_t>(s))));
    }
    if (active && steps) {
        const int64_t s = view::step_at(ImGui::GetIO().MousePos.x - p0.x, w, 0, static_cast<int64_t>(steps));
        if (static_cast<uint64_t>(s) != ctx.state.step) ctx.go_to(static_cast<uint64_t>(s));
    }

    // Level 2: the virtual clock under the strip, labelled where it jumps.
    if (!doc.clock().empty()) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const float axis_h = fsize * 1.1f;
        ImGui::Dummy(ImVec2(w, axis_h));
        const ImU32 dim = ctx.theme.text_dim;
        dl->AddLine(ImVec2(p0.x, a.y + 1), ImVec2(p0.x + w, a.y + 1), dim, 1.0f);
        const auto labels = view::clock_labels(doc.clock(), static_cast<int64_t>(steps), w, fsize * 4.5f);
        for (const auto& l : labels) {
            char text[32];
            std::snprintf(text, sizeof text, "t=%g", l.time);
            const float x = p0.x + l.x;
            dl->AddLine(ImVec2(x, a.y - 2), ImVec2(x, a.y + 4), dim, 1.0f);
            if (x + fsize * 3 < p0.x + w) dl->AddText(ImVec2(x + 2, a.y + 1), dim, text);
        }
        if (ImGui::IsItemHovered() && steps) {
            const int64_t s = view::step_at(ImGui::GetIO().MousePos.x - p0.x, w, 0, static_cast<int64_t>(steps));
            ImGui::SetTooltip("virtual clock at step %lld: %s", static_cast<long long>(s),
                              view::clock_text(view::clock_at(doc.clock(), s)).c_str());
        }
    }

    // The step in words.
    const trace::EventKind kind = ctx.state.event.kind;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(event_color(kind)), "\xE2\x96\xA0");
    ImGui::SameLine();
    if (doc.clock().empty())
        ImGui::Text("Step %llu / %llu \xC2\xB7 %s:", static_cast<unsigned long long>(ctx.state.step),
                    static_cast<unsigned long long>(doc.last_step()), trace::event_kind_label(kind));
    else
        ImGui::Text("Step %llu / %llu \xC2\xB7 t=%s \xC2\xB7 %s:", static_cast<unsigned long long>(ctx.state.step),
                    static_cast<unsigned long long>(doc.last_step()), view::clock_text(ctx.state.event.virtual_time).c_str(),
                    trace::event_kind_label(kind));
    ImGui::SameLine();
    ImGui::TextWrapped("%s", doc.sentence().c_str());

    // The teacher's note for this step (saved with the trace).
    if (note_step_ != ctx.state.step || doc_ != &doc) {
        auto it = doc.trace().annotations.find(ctx.state.step);
        note_ = it == doc.trace().annotations.end() ? std::string() : it->second;
        note_step_ = ctx.state.step;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##note", "annotation for this step (shown as the caption in presentation mode)",
                                 &note_)) {
        auto& notes = doc.trace_for_edit().annotations;
        if (note_.empty())
            notes.erase(ctx.state.step);
        else
            notes[ctx.state.step] = note_;
    }
}

}  // namespace ys::gui
