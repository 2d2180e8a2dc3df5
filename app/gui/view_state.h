// What the user is looking at: GUI state only, apart from the model (Document).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "trace/sink.h"
#include "view/struct_layout.h"
#include "view/timeline.h"

namespace ys::gui {

enum PanelId : int {
    PanelSource, PanelBytecode, PanelMemory, PanelFrames, PanelHeap, PanelExceptions, PanelTimeline,
    PanelOutput, PanelEventLoop, PanelCount
};
const char* panel_title(PanelId id);   // "Memory layout"
const char* panel_key(PanelId id);     // "memory" (for --panel and the settings file)
bool parse_panel(const std::string& key, PanelId& out);

struct ViewState {
    uint64_t step = 0;
    uint64_t selected = 0;                 // selected object (heap graph / memory layout)
    view::KindMask filter = ~view::KindMask{0};   // timeline: kinds shown
    trace::EventKind jump_kind = trace::EventKind::GenYield;   // shift+arrows
    bool playing = false;
    float speed = 2.0f;                    // steps per second
    double last_tick = 0;
    view::LayoutProfile profile = view::LayoutProfile::CPython311;
    bool presentation = false;
    // The Event loop panel is switched on when a trace with an event loop opens.
    std::array<bool, PanelCount> visible{true, true, true, true, true, true, true, true, false};
    std::array<bool, PanelCount> presented{true, false, true, true, false, false, true, false, false};
    bool reset_layout = false;             // re-tile the windows this frame (else: as saved)
    bool single_panel = false;             // screenshot --panel: one panel fills the window
    PanelId only_panel = PanelMemory;
};

}  // namespace ys::gui
