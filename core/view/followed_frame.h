// The frame the Source and Bytecode panels follow at a step: the frame the step's event
// happened in (at a yield, the generator's frame, already detached from the stack),
// else the innermost frame on the stack. Both panels use this one answer so the listing,
// its title and the marked f_lasti always belong to the same code object.
#pragma once

#include <string>

#include "trace/replay.h"

namespace ys::view {

struct FollowedFrame {
    trace::ObjectId frame = 0;    // 0 when there is no frame at all
    trace::ObjectId code = 0;     // its code object (0 if the trace does not say)
    std::string name;             // the code's qualified name ("fib", "<module>")
    int line = -1;                // the line the Source panel marks
    int lasti = -1;               // f_lasti in bytes, the instruction the Bytecode panel marks
    bool suspended = false;       // a generator / coroutine frame linked to no caller
};

FollowedFrame followed_frame(const trace::HeapState& state);

}  // namespace ys::view
