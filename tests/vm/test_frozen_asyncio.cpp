// Level 2's event loop: the frozen asyncio modules (core/vm/lib), the virtual clock
// behind `time` and `loop.time()`, and the loop's trace events (REPORTING.md,
// "Level 2: the event loop"). Expected outputs are python3 3.11's except where
// yieldscope differs by design: the virtual-clock values, the module's repr
// ("(frozen)", not a path) and the error a deadlocked loop raises instead of hanging.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "vm/vm.h"
#include "vm_test_util.h"

using ys::test::run;

TEST(FrozenAsyncio, ImportAndRepr) {
    auto r = run(
        "import asyncio\n"
        "print(asyncio)\n"
        "print(asyncio.CancelledError, asyncio.Future, asyncio.Task)\n"
        "print(issubclass(asyncio.CancelledError, BaseException), asyncio.sleep.__name__)\n");
    EXPECT_EQ(r.out,
        "<module 'asyncio' (frozen)>\n"
        "<class 'asyncio.exceptions.CancelledError'> <class '_asyncio.Future'> <class '_asyncio.Task'>\n"
        "True sleep\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(FrozenAsyncio, VirtualClock) {
    auto r = run(
        "import time\n"
        "t0 = time.monotonic()\n"
        "time.sleep(2.5)\n"
        "print(t0, time.monotonic(), time.time() - 1700000000.0)\n"
        "try:\n"
        "    time.sleep(-1)\n"
        "except ValueError as e:\n"
        "    print(e)\n"
        "import asyncio\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    a = loop.time()\n"
        "    await asyncio.sleep(10)\n"
        "    print(loop.time() - a, time.monotonic())\n"
        "asyncio.run(main())\n");
    EXPECT_EQ(r.out,
        "0.0 2.5 2.5\n"
        "sleep length must be non-negative\n"
        "10.0 12.5\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(FrozenAsyncio, ReprsInCPythonsWords) {
    auto r = run(
        "import asyncio\n"
        "async def main():\n"
        "    f = asyncio.get_running_loop().create_future()\n"
        "    t = asyncio.create_task(asyncio.sleep(1))\n"
        "    print(f, t.get_name(), t.done())\n"
        "    f.set_result([1, 2, 3, 4, 5, 6, 7])\n"
        "    print(f)\n"
        "    t.cancel()\n"
        "    try:\n"
        "        await t\n"
        "    except asyncio.CancelledError:\n"
        "        print('cancelled', t.cancelled())\n"
        "asyncio.run(main())\n"
        "loop = asyncio.new_event_loop()\n"
        "print(loop)\n"
        "loop.close()\n"
        "print(loop)\n");
    EXPECT_EQ(r.out,
        "<Future pending> Task-2 False\n"
        "<Future finished result=[1, 2, 3, 4, 5, 6, ...]>\n"
        "cancelled True\n"
        "<_UnixSelectorEventLoop running=False closed=False debug=False>\n"
        "<_UnixSelectorEventLoop running=False closed=True debug=False>\n");
    EXPECT_EQ(r.err, "");
}

TEST(FrozenAsyncio, DeadlockIsAnErrorNotAHang) {
    auto r = run(
        "import asyncio\n"
        "async def main():\n"
        "    await asyncio.get_running_loop().create_future()\n"
        "asyncio.run(main())\n");
    EXPECT_NE(r.err.find("RuntimeError: yieldscope: the event loop would wait forever"), std::string::npos) << r.err;
    EXPECT_EQ(r.status, 1);
}

namespace {

struct Events final : ys::trace::TraceSink {
    std::vector<ys::trace::Event> events;
    void on_code(ys::trace::ObjectId, const ys::CodePtr&) override {}
    void on_object_created(ys::trace::ObjectId, std::string_view, int64_t) override {}
    void on_field_set(ys::trace::ObjectId, std::string_view, const ys::trace::Value&) override {}
    void on_refcount(ys::trace::ObjectId, int64_t) override {}
    void on_object_freed(ys::trace::ObjectId) override {}
    void on_event(const ys::trace::Event& e) override { events.push_back(e); }
};

}  // namespace

TEST(FrozenAsyncio, LoopEventsCarryTheClock) {
    Events sink;
    std::ostringstream out, err;
    ys::VmOptions opt;
    opt.argv = {"prog.py"};
    opt.out = &out;
    opt.err = &err;
    opt.sink = &sink;
    ys::run_program(
        "import asyncio\n"
        "async def main():\n"
        "    await asyncio.sleep(2.0)\n"
        "    print('woke')\n"
        "asyncio.run(main())\n",
        "prog.py", opt);
    EXPECT_EQ(out.str(), "woke\n");
    EXPECT_EQ(err.str(), "");
    using ys::trace::EventKind;
    std::vector<std::string> seen;
    double output_time = -1;
    for (const auto& e : sink.events) {
        if (e.kind == EventKind::TaskScheduled || e.kind == EventKind::TimerFired || e.kind == EventKind::LoopCallback)
            seen.push_back(e.text + "@" + std::to_string(e.virtual_time));
        if (e.kind == EventKind::Output) output_time = e.virtual_time;
    }
    ASSERT_GE(seen.size(), 6u);
    EXPECT_EQ(seen[0], "created Task-1@0.000000");
    EXPECT_EQ(seen[1], "Task.__step(main())@0.000000");
    EXPECT_EQ(seen[2], "t=2.0@2.000000");
    EXPECT_EQ(seen[3], "_set_result_unless_cancelled(<Future pending>, None)@2.000000");
    EXPECT_EQ(seen[4], "wakeup of Task-1@2.000000");
    EXPECT_EQ(seen[5], "Task.task_wakeup(main())@2.000000");
    EXPECT_EQ(output_time, 2.0);
}
