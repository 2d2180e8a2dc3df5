// Frames: the call stack, innermost first, each linked to its caller by `previous`;
// suspended generator frames beside it, greyed and linked to no caller; the value a
// generator just yielded labelled as yielded (not as a return value). Frames of the
// library's own Python code (asyncio, `<frozen ...>` files) can be folded into one line
// per run, so a coroutine program shows its own frames.
#pragma once

#include "gui/panel.h"

namespace ys::gui {

class FramesPanel final : public Panel {
public:
    PanelId id() const override { return PanelFrames; }
    void draw(PanelContext& ctx) override;

private:
    bool fold_library_ = true;
};

}  // namespace ys::gui
