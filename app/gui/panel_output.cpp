#include "gui/panel_output.h"

#include <imgui.h>

namespace ys::gui {

void OutputPanel::draw(PanelContext& ctx) {
    const std::string_view out = ctx.state.output;
    ImGui::BeginChild("output_text", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    if (out.empty()) ImGui::TextDisabled("(nothing printed yet)");
    else ImGui::TextUnformatted(out.data(), out.data() + out.size());
    if (out.size() != last_size_) {
        ImGui::SetScrollHereY(1.0f);
        last_size_ = out.size();
    }
    ImGui::EndChild();
}

}  // namespace ys::gui
