// Event loop (Level 2): the virtual clock, the ready queue in the order it will run,
// the timers on a time strip and in due order, and each task with its state, its
// coroutine and what it awaits. The model is core/view/event_loop.h.
#pragma once

#include "gui/panel.h"
#include "view/event_loop.h"

namespace ys::gui {

class EventLoopPanel final : public Panel {
public:
    PanelId id() const override { return PanelEventLoop; }
    void draw(PanelContext& ctx) override;
    std::string title_detail(PanelContext& ctx) override;

private:
    const view::EventLoopView& model(PanelContext& ctx);
    const Document* doc_ = nullptr;
    uint64_t step_ = UINT64_MAX;
    view::EventLoopView view_;
};

}  // namespace ys::gui
