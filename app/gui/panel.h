// What every panel gets to draw one frame, and the panel interface. Each panel is one
// small class in its own file; it reads the model (Document / HeapState), keeps its own
// GUI-only state, and asks for navigation through the context.
#pragma once

#include <cstdint>
#include <string>

#include "gui/document.h"
#include "gui/platform.h"
#include "gui/theme.h"
#include "gui/view_state.h"

namespace ys::gui {

struct PanelContext {
    Document& doc;
    ViewState& view;
    const trace::HeapState& state;
    const Fonts& fonts;
    const Theme& theme;
    float font_size = 15.0f;               // the current font's size (large in presentation)
    int64_t requested_step = -1;           // a panel sets this to move to another step
    void go_to(uint64_t step) { requested_step = static_cast<int64_t>(step); }
};

class Panel {
public:
    virtual ~Panel() = default;
    virtual PanelId id() const = 0;
    // Draws the panel's content inside the current window.
    virtual void draw(PanelContext& ctx) = 0;
    // Said after the panel's name in its title bar ("Bytecode: fib"); "" for nothing.
    virtual std::string title_detail(PanelContext&) { return {}; }
};

}  // namespace ys::gui
