// Level 2: what the asyncio event loop holds at a step, read from the loop object and
// the Task / Future / Handle instances (REPORTING.md, "Level 2: the event loop"): the
// ready queue in run order, the timers in due order, each task with its state and what
// it awaits, and the virtual clock. The GUI's Event loop panel and `show --view loop`
// both draw this.
#pragma once

#include <string>
#include <vector>

#include "trace/replay.h"

namespace ys::view {

struct LoopHandle {
    trace::ObjectId id = 0;
    std::string type;            // "Handle" / "TimerHandle"
    std::string callback;        // "_set_result_unless_cancelled", "method"
    std::string args;            // "(Future #12, None)"
    bool has_when = false;
    double when = 0;             // TimerHandle: due time on the virtual clock
    std::string when_text;       // as reported ("0.05")
    bool cancelled = false;
    bool changed = false;        // created or changed in this step
};

struct LoopTask {
    trace::ObjectId id = 0;
    std::string name;            // "Task-1"
    std::string state;           // "PENDING" / "FINISHED" / "CANCELLED"
    trace::ObjectId coro = 0;
    std::string coro_text;       // "coroutine main, suspended at line 12"
    trace::ObjectId awaits = 0;  // _fut_waiter
    std::string awaits_text;     // "Future #40 (PENDING), done by the timer at t=0.1"
    std::string result;          // FINISHED: the result / exception
    bool running = false;        // its coroutine's frame is on the stack now
    bool changed = false;
};

struct EventLoopView {
    trace::ObjectId loop = 0;    // 0: no event loop at this step
    bool running = false;        // _thread_id set
    bool stopping = false;
    bool closed = false;
    double clock = 0;            // the virtual clock at this step (seconds)
    std::vector<LoopHandle> ready;    // _ready, front (runs next) first
    std::vector<LoopHandle> timers;   // _scheduled, by _when (earliest first)
    std::vector<LoopTask> tasks;      // by name order of creation (object id)
};

EventLoopView event_loop_view(const trace::HeapState& state);

// The timer strip of the Event loop panel: the clock at x = 0 and each timer at its due
// time, on a scale that fits the latest timer in `width` pixels (at least `min_span`
// seconds wide). Returns one x per timer, in the order given; `span` gets the seconds
// the width stands for. A timer already due sits at 0.
std::vector<float> timer_positions(double clock, const std::vector<LoopHandle>& timers, float width, double& span,
                                   double min_span = 0.1);

// "0.1 s", "1.25 s", "0 s": the clock as the panels print it.
std::string clock_text(double seconds);

}  // namespace ys::view
