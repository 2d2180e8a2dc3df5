// Frames: the call stack, innermost first, each linked to its caller by `previous`;
// suspended generator frames beside it, greyed and linked to no caller; the value a
// generator just yielded labelled as yielded (not as a return value).
#pragma once

#include "gui/panel.h"

namespace ys::gui {

class FramesPanel final : public Panel {
public:
    PanelId id() const override { return PanelFrames; }
    void draw(PanelContext& ctx) override;
};

}  // namespace ys::gui
