#include "gui/panel_event_loop.h"

#include <imgui.h>

#include <algorithm>

namespace ys::gui {

namespace {

const ImVec4 kChanged(0.86f, 0.08f, 0.08f, 1);
const ImVec4 kRunning(0.0f, 0.50f, 0.20f, 1);

void handle_line(const view::LoopHandle& h, size_t index, bool ready) {
    ImGui::PushID(static_cast<int>(h.id));
    if (ready)
        ImGui::TextDisabled(index == 0 ? "runs next \xE2\x96\xB6" : "%9zu ", index + 1);
    else
        ImGui::TextDisabled("t=%-7s", h.when_text.c_str());
    ImGui::SameLine();
    const std::string text = h.type + " #" + std::to_string(h.id) + "  " + h.callback + h.args;
    if (h.changed)
        ImGui::TextColored(kChanged, "%s", text.c_str());
    else
        ImGui::TextUnformatted(text.c_str());
    if (h.cancelled) {
        ImGui::SameLine();
        ImGui::TextDisabled("(cancelled: skipped)");
    }
    ImGui::PopID();
}

}  // namespace

const view::EventLoopView& EventLoopPanel::model(PanelContext& ctx) {
    if (doc_ != &ctx.doc || step_ != ctx.state.step) {
        view_ = view::event_loop_view(ctx.state);
        doc_ = &ctx.doc;
        step_ = ctx.state.step;
    }
    return view_;
}

std::string EventLoopPanel::title_detail(PanelContext& ctx) {
    return "t = " + view::clock_text(model(ctx).clock);
}

void EventLoopPanel::draw(PanelContext& ctx) {
    const view::EventLoopView& v = model(ctx);
    const Theme& th = ctx.theme;
    const float fsize = ImGui::GetFontSize();
    ImGui::Text("virtual clock  %s", view::clock_text(v.clock).c_str());
    if (!v.loop) {
        ImGui::TextDisabled("No event loop at this step.");
        return;
    }
    ImGui::SameLine(0, fsize * 2);
    ImGui::TextDisabled("loop #%llu: %s", static_cast<unsigned long long>(v.loop),
                        v.closed ? "closed" : v.running ? (v.stopping ? "running, stopping" : "running") : "not running");
    ImGui::BeginChild("loop_canvas", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);

    ImGui::TextDisabled("ready queue (_ready), front first");
    if (v.ready.empty()) ImGui::TextDisabled("   (empty: the loop waits for the first timer)");
    for (size_t i = 0; i < v.ready.size(); ++i) handle_line(v.ready[i], i, true);

    ImGui::Spacing();
    ImGui::TextDisabled("timers (_scheduled), by due time");
    if (v.timers.empty()) {
        ImGui::TextDisabled("   (none)");
    } else {
        // A strip from now to the last timer: the gap the clock will jump.
        const float w = std::max(ImGui::GetContentRegionAvail().x - fsize * 2, fsize * 10);
        const float h = fsize * 1.6f;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 a(p.x + fsize * 0.5f, p.y + h * 0.5f);
        ImGui::Dummy(ImVec2(w + fsize, h + fsize));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        double span = 0;
        const std::vector<float> xs = view::timer_positions(v.clock, v.timers, w, span);
        dl->AddLine(a, ImVec2(a.x + w, a.y), th.text_dim, 1.0f);
        dl->AddTriangleFilled(ImVec2(a.x - 4, a.y - 8), ImVec2(a.x + 4, a.y - 8), ImVec2(a.x, a.y), IM_COL32(220, 20, 20, 255));
        dl->AddText(ImVec2(a.x - 2, a.y + 3), th.text_dim, "now");
        for (size_t i = 0; i < xs.size(); ++i) {
            const ImVec2 c(a.x + xs[i], a.y);
            dl->AddRectFilled(ImVec2(c.x - 2, c.y - 6), ImVec2(c.x + 2, c.y + 6), event_color(trace::EventKind::TimerFired));
            if (i == 0 || xs[i] - xs[i - 1] > fsize * 3)
                dl->AddText(ImVec2(c.x - fsize, c.y + 6), th.text, ("t=" + v.timers[i].when_text).c_str());
        }
        for (size_t i = 0; i < v.timers.size(); ++i) handle_line(v.timers[i], i, false);
    }

    ImGui::Spacing();
    ImGui::TextDisabled("tasks");
    if (v.tasks.empty()) ImGui::TextDisabled("   (none)");
    for (const auto& t : v.tasks) {
        ImGui::PushID(static_cast<int>(t.id));
        const std::string head = t.name + " #" + std::to_string(t.id) + "  " + t.state;
        if (t.changed)
            ImGui::TextColored(kChanged, "%s", head.c_str());
        else
            ImGui::TextUnformatted(head.c_str());
        if (t.running) {
            ImGui::SameLine();
            ImGui::TextColored(kRunning, "running now");
        }
        ImGui::TextDisabled("    coro");
        ImGui::SameLine();
        ImGui::TextUnformatted(t.coro_text.c_str());
        if (ImGui::IsItemClicked() && t.coro) ctx.view.selected = t.coro;
        if (!t.awaits_text.empty()) {
            ImGui::TextDisabled("    awaits");
            ImGui::SameLine();
            ImGui::TextUnformatted(t.awaits_text.c_str());
        }
        if (!t.result.empty()) {
            ImGui::TextDisabled("    result");
            ImGui::SameLine();
            ImGui::TextUnformatted(t.result.c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace ys::gui
