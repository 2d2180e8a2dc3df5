// What the VM reports about coroutines and async generators (core/trace/REPORTING.md):
// CoroCreate at RETURN_GENERATOR, AwaitSuspend when a coroutine suspends inside an
// await, HookCall for the asyncgen hooks, FreeListReuse for the asend / wrapped-value
// free lists, and the cr_ / ag_ field prefixes. Conformance programs cannot see these.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "vm/vm.h"
#include "vm_test_util.h"

namespace ys::test {
namespace {

struct Collect final : trace::TraceSink {
    std::map<trace::ObjectId, std::string> types;
    std::map<trace::ObjectId, std::map<std::string, trace::Value>> fields;
    std::vector<trace::Event> events;
    void on_code(trace::ObjectId, const CodePtr&) override {}
    void on_object_created(trace::ObjectId id, std::string_view t, int64_t) override { types[id] = std::string(t); }
    void on_field_set(trace::ObjectId id, std::string_view f, const trace::Value& v) override {
        fields[id][std::string(f)] = v;
    }
    void on_refcount(trace::ObjectId, int64_t) override {}
    void on_object_freed(trace::ObjectId) override {}
    void on_event(const trace::Event& e) override { events.push_back(e); }
    std::vector<trace::Event> of(trace::EventKind k) const {
        std::vector<trace::Event> r;
        for (auto& e : events)
            if (e.kind == k) r.push_back(e);
        return r;
    }
};

std::string record(const std::string& src, Collect& c) {
    Run r = run(src, 0, &c);
    return r.out + r.err;
}

TEST(AsyncReporting, CoroCreateAndAwaitSuspend) {
    Collect c;
    std::string out = record(
        "class Pause:\n"
        "    def __await__(self):\n"
        "        yield 'p'\n"
        "async def inner():\n"
        "    await Pause()\n"
        "async def outer():\n"
        "    await inner()\n"
        "co = outer()\n"
        "print(co.send(None))\n",
        c);
    EXPECT_EQ(out, "p\n");
    auto created = c.of(trace::EventKind::CoroCreate);
    ASSERT_EQ(created.size(), 2u);
    EXPECT_EQ(c.types[created[0].subject], "coroutine");
    EXPECT_EQ(c.types[created[1].subject], "coroutine");
    EXPECT_TRUE(c.of(trace::EventKind::GenCreate).size() == 1u);  // Pause.__await__'s generator
    trace::ObjectId outer = created[0].subject, inner = created[1].subject;
    // Closed at shutdown: the last state reported.
    EXPECT_EQ(c.fields[outer]["cr_frame_state"].text, "FRAME_CLEARED");
    EXPECT_EQ(c.fields[outer]["cr_name"].text, "'outer'");
    EXPECT_EQ(c.fields[outer].count("gi_frame_state"), 0u);
    EXPECT_EQ(c.fields[outer]["cr_origin"].kind, trace::Value::Kind::Null);
    auto awaits = c.of(trace::EventKind::AwaitSuspend);
    ASSERT_EQ(awaits.size(), 2u);
    // Innermost first, each at its own await, with the awaited object as the value.
    EXPECT_EQ(awaits[0].subject, inner);
    EXPECT_EQ(awaits[0].line, 5);
    EXPECT_EQ(c.types[awaits[0].value.ref], "generator");
    EXPECT_EQ(awaits[1].subject, outer);
    EXPECT_EQ(awaits[1].line, 7);
    EXPECT_EQ(awaits[1].value.ref, inner);
}

TEST(AsyncReporting, HookCallsAndFreeListReuse) {
    Collect c;
    std::string out = record(
        "import sys\n"
        "sys.set_asyncgen_hooks(lambda ag: None, lambda ag: print('fin'))\n"
        "async def agen():\n"
        "    yield 1\n"
        "    yield 2\n"
        "a = agen()\n"
        "for i in range(2):\n"
        "    try:\n"
        "        a.__anext__().send(None)\n"
        "    except StopIteration:\n"
        "        pass\n"
        "del a\n",
        c);
    EXPECT_EQ(out, "fin\n");
    auto agens = c.of(trace::EventKind::CoroCreate);
    ASSERT_EQ(agens.size(), 1u);
    EXPECT_EQ(c.types[agens[0].subject], "async_generator");
    EXPECT_EQ(c.fields[agens[0].subject].count("ag_frame_state"), 1u);
    EXPECT_EQ(c.fields[agens[0].subject]["ag_hooks_inited"].number, 1);
    EXPECT_EQ(c.types[c.fields[agens[0].subject]["ag_finalizer"].ref], "function");
    auto hooks = c.of(trace::EventKind::HookCall);
    ASSERT_EQ(hooks.size(), 2u);
    EXPECT_EQ(hooks[0].text, "firstiter");
    EXPECT_EQ(hooks[1].text, "finalizer");
    EXPECT_EQ(hooks[0].subject, agens[0].subject);
    EXPECT_EQ(hooks[1].subject, agens[0].subject);
    // The second __anext__() reuses the first asend; the second yield its wrapper.
    bool asend = false, wrapped = false;
    for (auto& e : c.of(trace::EventKind::FreeListReuse)) {
        EXPECT_EQ(c.types[e.subject], e.text);
        asend |= e.text == "async_generator_asend";
        wrapped |= e.text == "async_generator_wrapped_value";
    }
    EXPECT_TRUE(asend);
    EXPECT_TRUE(wrapped);
}

// Free-listed objects are released with the runtime: run many programs in one
// process (ASan's leak checker sees what is left).
TEST(AsyncReporting, FreeListsDoNotOutliveTheRun) {
    for (int i = 0; i < 3; i++) {
        std::ostringstream out, err;
        VmOptions opt;
        opt.argv = {"prog.py"};
        opt.out = &out;
        opt.err = &err;
        run_program(
            "async def agen():\n"
            "    yield 1\n"
            "a = agen()\n"
            "xs = [a.asend(None) for _ in range(100)]\n"
            "del xs\n"
            "print(type(a.asend(None)).__name__)\n",
            "prog.py", opt);
        EXPECT_EQ(out.str(), "async_generator_asend\n");
    }
}

}  // namespace
}  // namespace ys::test
