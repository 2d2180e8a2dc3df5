// Timeline: every step on a scrubber, events coloured by kind, a filter by kind, the
// current step's event in one sentence, and the teacher's annotation for the step.
#pragma once

#include <string>
#include <vector>

#include "gui/panel.h"
#include "view/timeline.h"

namespace ys::gui {

class TimelinePanel final : public Panel {
public:
    PanelId id() const override { return PanelTimeline; }
    void draw(PanelContext& ctx) override;

private:
    // Binning cache: recomputed when the width, filter or trace changes.
    const Document* doc_ = nullptr;
    int width_ = 0;
    view::KindMask mask_ = 0;
    std::vector<view::KindMask> bins_;
    std::string note_;
    uint64_t note_step_ = UINT64_MAX;
};

}  // namespace ys::gui
