// One plain sentence per step, for the timeline and `yieldscope show`:
//   "fib yielded 1 at line 10 (f_lasti 52); its exception state was saved."
#pragma once

#include <string>

#include "trace/replay.h"

namespace ys::view {

// Describes the step whose state `state` is (state.event, state.diff, the objects).
std::string describe_step(const trace::HeapState& state);

// A short label for the event list, at most 12 columns: "yield", "exc save", "gc end".
const char* event_short_label(trace::EventKind kind);

}  // namespace ys::view
