// The terminal renderer behind `yieldscope show`: the same diagrams the GUI draws, as
// text with box-drawing characters, sized for a 100-column terminal.
#pragma once

#include <string>

#include "trace/replay.h"
#include "view/struct_layout.h"

namespace ys::view {

enum class TextView : uint8_t { Layout, Frames, Heap, Exc, Events, Loop };
bool parse_text_view(std::string_view name, TextView& out);   // layout|frames|heap|exc|events|loop

struct TextOptions {
    LayoutProfile profile = LayoutProfile::CPython311;
    bool color = false;      // ANSI red for changed cells (when stdout is a terminal)
    int width = 100;         // columns available
};

// One step, one view: a heading line ("step 14 / 63 · yield · fib.py line 10"), the
// step's sentence, its annotation if any, then the view's diagram.
std::string render_step(trace::Replay& replay, uint64_t step, TextView view, const TextOptions& options);

// The event list (one line per step with its sentence), for `--view events`.
std::string render_events(trace::Replay& replay, uint64_t first, uint64_t last, const TextOptions& options);

// The pieces, for tests and the GUI's text export.
std::string render_layout(const trace::HeapState& state, const TextOptions& options);
std::string render_frames(const trace::HeapState& state, const TextOptions& options);
std::string render_heap(const trace::HeapState& state, const TextOptions& options);
std::string render_exc(const trace::HeapState& state, const TextOptions& options);
std::string render_box(const StructBox& box, const TextOptions& options);
// Level 2: the event loop's ready queue, timers, tasks and virtual clock (text_loop.cpp).
std::string render_loop(const trace::HeapState& state, const TextOptions& options);

}  // namespace ys::view
