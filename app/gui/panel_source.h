// Source: the program's text with the current line marked; clicking a line moves to the
// next step on it.
#pragma once

#include <string>
#include <vector>

#include "gui/panel.h"

namespace ys::gui {

class SourcePanel final : public Panel {
public:
    PanelId id() const override { return PanelSource; }
    void draw(PanelContext& ctx) override;

private:
    const Document* doc_ = nullptr;
    std::vector<std::string> lines_;
    int scrolled_to_ = -1;
};

// The line being run at a state: the event's line, else the innermost frame's.
int current_line(const trace::HeapState& state);

}  // namespace ys::gui
