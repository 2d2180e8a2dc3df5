// Memory layout: each generator / coroutine / frame (and the code objects, exceptions
// and tracebacks they point to) as a struct box of rows field | value | what it points
// to, pointers as arrows, cells changed in this step outlined in red, refcounts in the
// title bar, drawn for the chosen CPython layout profile.
#pragma once

#include <vector>

#include "gui/panel.h"
#include "view/geometry.h"

namespace ys::gui {

class MemoryPanel final : public Panel {
public:
    PanelId id() const override { return PanelMemory; }
    void draw(PanelContext& ctx) override;

    // The boxes the panel draws at a state (exposed for the screenshot test's sanity).
    static std::vector<view::BoxSpec> build_specs(const trace::HeapState& state, view::LayoutProfile profile,
                                                  size_t max_boxes);

private:
    struct Cache {
        const Document* doc = nullptr;
        uint64_t step = UINT64_MAX;
        view::LayoutProfile profile = view::LayoutProfile::CPython311;
        float font_size = 0;
        std::vector<view::BoxSpec> specs;
        view::DiagramGeometry geometry;
        size_t hidden = 0;
    } cache_;
};

}  // namespace ys::gui
