#include "gui/panel_source.h"

#include <imgui.h>

#include <sstream>

#include "view/followed_frame.h"

namespace ys::gui {

int current_line(const trace::HeapState& state) {
    // The same frame the Bytecode panel lists.
    return view::followed_frame(state).line;
}

void SourcePanel::draw(PanelContext& ctx) {
    if (doc_ != &ctx.doc) {
        doc_ = &ctx.doc;
        lines_.clear();
        std::istringstream in(ctx.doc.trace().source);
        for (std::string line; std::getline(in, line);) {
            for (auto& c : line)
                if (c == '\t') c = ' ';
            lines_.push_back(line);
        }
        scrolled_to_ = -1;
    }
    const int line = current_line(ctx.state);
    ImGui::TextDisabled("%s%s", ctx.doc.trace().filename.c_str(), line > 0 ? "" : "  (no current line)");
    ImGui::BeginChild("source_lines", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    if (lines_.empty()) ImGui::TextDisabled("The trace holds no source text.");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeightWithSpacing();
    if (line != scrolled_to_ && line > 0) {
        const float y = (static_cast<float>(line) - 1) * h;
        if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - 2 * h)
            ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.4f));
        scrolled_to_ = line;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const int n = i + 1;
            const ImVec2 p = ImGui::GetCursorScreenPos();
            if (n == line) {
                dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetWindowWidth() + ImGui::GetScrollX(), p.y + h),
                                  ctx.theme.current_line);
            }
            char label[32];
            std::snprintf(label, sizeof label, "%s%4d ", n == line ? "\xE2\x96\xB6" : " ", n);
            ImGui::PushID(i);
            if (ImGui::Selectable("##line", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, 0))) {
                const int64_t s = ctx.doc.next_step_on_line(n, ctx.state.step);
                if (s >= 0) ctx.go_to(static_cast<uint64_t>(s));
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click: go to the next step on line %d", n);
            ImGui::SameLine(0, 0);
            ImGui::SetCursorScreenPos(p);
            ImGui::TextDisabled("%s", label);
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(lines_[static_cast<size_t>(i)].c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace ys::gui
