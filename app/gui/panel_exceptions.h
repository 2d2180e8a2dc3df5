// Exception state: the thread's exception-info chain (top first) as linked items, and
// the exception state each generator keeps saved while it is suspended.
#pragma once

#include "gui/panel.h"

namespace ys::gui {

class ExceptionsPanel final : public Panel {
public:
    PanelId id() const override { return PanelExceptions; }
    void draw(PanelContext& ctx) override;
};

}  // namespace ys::gui
