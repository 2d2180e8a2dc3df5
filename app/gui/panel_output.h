// Output: what the program printed up to this step.
#pragma once

#include "gui/panel.h"

namespace ys::gui {

class OutputPanel final : public Panel {
public:
    PanelId id() const override { return PanelOutput; }
    void draw(PanelContext& ctx) override;

private:
    size_t last_size_ = SIZE_MAX;
};

}  // namespace ys::gui
