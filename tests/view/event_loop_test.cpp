// The Event loop view: the ready queue in order, timers by due time (a heap's array
// order is not due order), tasks with what they await, the virtual clock; and the clock
// labels under the timeline. The trace is built by hand as REPORTING.md's Level-2
// section describes the loop, Handle, TimerHandle, Task and Future instances.
#include <gtest/gtest.h>

#include "trace/recorder.h"
#include "trace/replay.h"
#include "view/event_loop.h"
#include "view/text_render.h"
#include "view/timeline.h"

namespace ys::view {
namespace {

using trace::Event;
using trace::EventKind;
using trace::Value;

enum : trace::ObjectId {
    kLoop = 1, kReady = 2, kHeap = 3, kH1 = 4, kT1 = 5, kT2 = 6, kTask = 7, kCoro = 8, kFut = 9, kFn = 10, kArgs = 11,
};

trace::Trace build() {
    trace::Recorder r;
    r.set_program("loop.py", "");
    auto set = [&](trace::ObjectId id, const char* f, Value v) { r.on_field_set(id, f, v); };
    auto txt = [](const char* t) { return Value::inline_text(t); };
    r.on_object_created(kFn, "function", 1);
    set(kFn, "func_qualname", txt("'_set_result_unless_cancelled'"));
    r.on_object_created(kFut, "Future", 1);
    r.on_object_created(kArgs, "tuple", 1);
    set(kArgs, "ob_item[0]", Value::pointer(kFut));
    set(kArgs, "ob_item[1]", txt("None"));
    r.on_object_created(kH1, "Handle", 1);
    set(kH1, "_callback", Value::pointer(kFn));
    set(kH1, "_cancelled", txt("False"));
    // A heap array: the later timer first (heap order is not due order).
    r.on_object_created(kT1, "TimerHandle", 1);
    set(kT1, "_when", txt("0.5"));
    set(kT1, "_scheduled", txt("True"));
    set(kT1, "_callback", Value::pointer(kFn));
    r.on_object_created(kT2, "TimerHandle", 1);
    set(kT2, "_when", txt("0.05"));
    set(kT2, "_scheduled", txt("True"));
    set(kT2, "_callback", Value::pointer(kFn));
    set(kT2, "_args", Value::pointer(kArgs));
    r.on_object_created(kReady, "list", 1);
    set(kReady, "ob_item[0]", Value::pointer(kH1));
    r.on_object_created(kHeap, "list", 1);
    set(kHeap, "ob_item[0]", Value::pointer(kT1));
    set(kHeap, "ob_item[1]", Value::pointer(kT2));
    r.on_object_created(kLoop, "_UnixSelectorEventLoop", 1);
    set(kLoop, "_ready", Value::pointer(kReady));
    set(kLoop, "_scheduled", Value::pointer(kHeap));
    set(kLoop, "_thread_id", txt("1"));
    set(kLoop, "_closed", txt("False"));
    set(kLoop, "_stopping", txt("False"));
    r.on_object_created(kCoro, "coroutine", 1);
    set(kCoro, "cr_frame_state", txt("FRAME_SUSPENDED"));
    r.on_object_created(kTask, "Task", 1);
    set(kTask, "_name", txt("'Task-1'"));
    set(kTask, "_coro", Value::pointer(kCoro));
    set(kTask, "_fut_waiter", Value::pointer(kFut));
    Event e;
    e.kind = EventKind::TaskScheduled;
    e.subject = kTask;
    e.text = "created Task-1";
    e.virtual_time = 0.25;
    r.on_event(e);
    // The later timer leaves the heap (its flag says so; the list keeps a stale item).
    set(kT1, "_scheduled", txt("False"));
    e.kind = EventKind::TimerFired;
    e.subject = kT1;
    e.text = "t=0.5";
    e.virtual_time = 0.5;
    r.on_event(e);
    return r.finish();
}

TEST(EventLoopView, ReadyQueueTimersByDueTimeTasksAndClock) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const EventLoopView v = event_loop_view(replay.seek(0));
    EXPECT_EQ(v.loop, kLoop);
    EXPECT_TRUE(v.running);
    EXPECT_DOUBLE_EQ(v.clock, 0.25);
    ASSERT_EQ(v.ready.size(), 1u);
    EXPECT_EQ(v.ready[0].id, kH1);
    EXPECT_EQ(v.ready[0].callback, "_set_result_unless_cancelled");
    ASSERT_EQ(v.timers.size(), 2u);
    EXPECT_EQ(v.timers[0].id, kT2);   // due first
    EXPECT_EQ(v.timers[0].when_text, "0.05");
    EXPECT_EQ(v.timers[0].args, "(Future #9, None)");
    EXPECT_EQ(v.timers[1].id, kT1);
    ASSERT_EQ(v.tasks.size(), 1u);
    EXPECT_EQ(v.tasks[0].name, "Task-1");
    EXPECT_EQ(v.tasks[0].state, "PENDING");   // `_state` not yet an instance attribute
    EXPECT_EQ(v.tasks[0].awaits, kFut);
    EXPECT_EQ(v.tasks[0].awaits_text, "Future #9 (PENDING), done by the timer at t=0.05");
    EXPECT_NE(v.tasks[0].coro_text.find("suspended"), std::string::npos);
}

TEST(EventLoopView, ATimerThatLeftTheHeapIsNotListed) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const EventLoopView v = event_loop_view(replay.seek(1));
    ASSERT_EQ(v.timers.size(), 1u);
    EXPECT_EQ(v.timers[0].id, kT2);
    EXPECT_DOUBLE_EQ(v.clock, 0.5);
}

TEST(EventLoopView, TextViewListsTheQueues) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const std::string text = render_loop(replay.seek(0), TextOptions{});
    EXPECT_NE(text.find("Virtual clock: 0.25 s"), std::string::npos) << text;
    EXPECT_NE(text.find("1. Handle #4  _set_result_unless_cancelled"), std::string::npos) << text;
    EXPECT_LT(text.find("t=0.05"), text.find("t=0.5 "));
    EXPECT_NE(text.find("Task-1 #7  PENDING"), std::string::npos) << text;
}

TEST(EventLoopView, NoLoop) {
    trace::Recorder r;
    Event e;
    e.kind = EventKind::ProgramStart;
    r.on_event(e);
    const trace::Trace t = r.finish();
    trace::Replay replay(t);
    EXPECT_EQ(event_loop_view(replay.seek(0)).loop, 0u);
}

TEST(TimerStrip, PositionsScaleToTheLastTimer) {
    std::vector<LoopHandle> timers(2);
    timers[0].has_when = true;
    timers[0].when = 1.5;
    timers[1].has_when = true;
    timers[1].when = 3.0;
    double span = 0;
    const auto xs = timer_positions(1.0, timers, 200.0f, span);
    EXPECT_DOUBLE_EQ(span, 2.0);
    EXPECT_FLOAT_EQ(xs[0], 50.0f);
    EXPECT_FLOAT_EQ(xs[1], 200.0f);
}

TEST(TimelineClock, ChangesAndLabels) {
    std::vector<ClockChange> c;
    for (int64_t s = 0; s < 1000; ++s) add_clock_reading(c, s, s < 100 ? 0.0 : s < 102 ? 0.1 : s < 900 ? 0.2 : 0.3);
    EXPECT_EQ(c, (std::vector<ClockChange>{{100, 0.1}, {102, 0.2}, {900, 0.3}}));
    EXPECT_DOUBLE_EQ(clock_at(c, 50), 0.0);
    EXPECT_DOUBLE_EQ(clock_at(c, 101), 0.1);
    EXPECT_DOUBLE_EQ(clock_at(c, 999), 0.3);
    // 0.2 is too close to 0.1 on a 1000-px strip with a 40-px gap: skipped.
    const auto labels = clock_labels(c, 1000, 1000.0f, 40.0f);
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_DOUBLE_EQ(labels[0].time, 0.1);
    EXPECT_DOUBLE_EQ(labels[1].time, 0.3);
}

}  // namespace
}  // namespace ys::view
