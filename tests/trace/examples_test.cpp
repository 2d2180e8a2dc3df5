// Recording the documented examples with the VM (assets/examples): what the trace must
// show for fib (exception state across yields) and foo_bar (refcount vs collector).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "trace/record_program.h"
#include "trace/replay.h"
#include "view/struct_layout.h"

namespace ys::trace {
namespace {

Trace record_example(const std::string& name) {
    const std::string path = std::string("assets/examples/") + name;
    std::ifstream in(std::string(YS_SOURCE_DIR) + "/" + path);
    EXPECT_TRUE(in.good()) << path;
    std::stringstream src;
    src << in.rdbuf();
    std::ostringstream out, err;
    RecordOptions o;
    o.out = &out;
    o.err = &err;
    RecordResult r = record_program(src.str(), path, o);
    EXPECT_FALSE(r.budget_exhausted);
    return std::move(r.trace);
}

// A Text value's repr without its quotes (REPORTING.md says reprs; accept bare text too).
std::string unquoted(const std::string& t) {
    if (t.size() >= 2 && (t.front() == '\'' || t.front() == '"') && t.back() == t.front()) return t.substr(1, t.size() - 2);
    return t;
}

// The generator created for a function named `name` (first GenCreate whose subject has that gi_name).
ObjectId find_generator(Replay& r, const std::string& name) {
    const Trace& t = r.trace();
    for (uint64_t s = 0; s < t.step_count(); ++s)
        if (t.event_kind(s) == EventKind::GenCreate) {
            const HeapState& st = r.seek(s);
            const ObjectState* g = st.find(st.event.subject);
            if (g && unquoted(g->text("gi_name")) == name) return g->id;
        }
    return 0;
}

std::string exc_type_at(const HeapState& st, ObjectId gen) {
    const ObjectState* g = st.find(gen);
    if (!g) return "(generator gone)";
    ObjectId e = g->ref("gi_exc_state.exc_value");
    const ObjectState* exc = st.find(e);
    return exc ? exc->type : "NULL";
}

TEST(Examples, FibYieldsCarryTheirExceptionState) {
    Trace t = record_example("fib.py");
    Replay r(t);
    ObjectId gen = find_generator(r, "fib");
    ASSERT_NE(gen, 0u);
    std::vector<uint64_t> yields;
    std::vector<int> lines;
    std::vector<std::string> values;
    for (uint64_t s = 0; s < t.step_count(); ++s)
        if (t.event_kind(s) == EventKind::GenYield && t.record(s).subject == gen) {
            yields.push_back(s);
            Event e = t.event(s);
            // The line of the yield in the generator (its frame's f_lineno), as the diagrams show it.
            const HeapState& st = r.seek(s);
            int line = e.line;
            if (const ObjectState* g = st.find(gen)) {
                if (const ObjectState* f = st.find(g->ref("gi_iframe"))) line = static_cast<int>(f->integer("f_lineno", line));
                else line = static_cast<int>(g->integer("gi_iframe.f_lineno", line));
            }
            lines.push_back(line);
            values.push_back(e.value.kind == Value::Kind::Text ? e.value.text : "?");
        }
    EXPECT_EQ(lines, (std::vector<int>{11, 11, 14, 14, 14, 14, 21, 26, 29}));
    EXPECT_EQ(values, (std::vector<std::string>{"1", "1", "2", "3", "5", "8", "'ZeroDivisionError'",
                                                "'ModuleNotFoundError'", "'ModuleNotFoundError finally'"}));
    ASSERT_EQ(yields.size(), 9u);
    // After each of the last three yields, once the exception state is saved.
    auto saved_after = [&](uint64_t yield_step) -> const HeapState& {
        uint64_t s = yield_step;
        while (s + 1 < t.step_count() && !(t.event_kind(s) == EventKind::ExcStateSave && t.record(s).subject == gen)) ++s;
        return r.seek(s);
    };
    EXPECT_EQ(exc_type_at(saved_after(yields[5]), gen), "NULL");
    EXPECT_EQ(exc_type_at(saved_after(yields[6]), gen), "ZeroDivisionError");
    {
        const HeapState& st = saved_after(yields[7]);
        EXPECT_EQ(exc_type_at(st, gen), "ModuleNotFoundError");
        const ObjectState* mnf = st.find(st.find(gen)->ref("gi_exc_state.exc_value"));
        ASSERT_NE(mnf, nullptr);
        const ObjectState* beneath = st.find(mnf->ref("__context__"));
        ASSERT_NE(beneath, nullptr);
        EXPECT_EQ(beneath->type, "ZeroDivisionError");
    }
    EXPECT_EQ(exc_type_at(saved_after(yields[8]), gen), "ZeroDivisionError");
    // f_lasti at the yields is the YIELD_VALUE's byte offset, and the same yield gives the same offset.
    EXPECT_EQ(t.record(yields[0]).lasti, t.record(yields[1]).lasti);
    EXPECT_EQ(t.record(yields[2]).lasti, t.record(yields[3]).lasti);
    EXPECT_NE(t.record(yields[0]).lasti, t.record(yields[2]).lasti);
    // At the end the frame is cleared: gi_iframe is NULL, and the 3.7 drawing shows gi_frame NULL.
    uint64_t last_alive = 0;
    for (uint64_t s = yields.back(); s < t.step_count(); ++s)
        if (r.seek(s).alive(gen)) last_alive = s;
    const HeapState& end = r.seek(last_alive);
    const ObjectState* g = end.find(gen);
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->ref("gi_iframe"), 0u);
    EXPECT_TRUE(g->text("gi_frame_state") == "FRAME_CLEARED" || g->text("gi_frame_state") == "FRAME_COMPLETED")
        << g->text("gi_frame_state");
    view::StructBox b = view::struct_layout(end, gen, view::LayoutProfile::CPython37);
    ASSERT_FALSE(b.rows.empty());
    EXPECT_EQ(b.rows[0].field, "gi_frame");
    EXPECT_EQ(b.rows[0].value, "NULL");
    // The program ends with the RuntimeError.
    EXPECT_NE(r.seek(t.step_count() - 1).output.find("RuntimeError: generator raised StopIteration"), std::string::npos);
}

struct Death { uint64_t step; ObjectId id; std::string what; uint8_t cause; };

TEST(Examples, FooIsFreedByRefcountBarByTheCollector) {
    Trace t = record_example("foo_bar.py");
    Replay r(t);
    ObjectId foo = find_generator(r, "foo");
    ObjectId bar = find_generator(r, "bar");
    ASSERT_NE(foo, 0u);
    ASSERT_NE(bar, 0u);
    // The Yielded objects, by their name attribute.
    ObjectId yfoo = 0, ybar = 0;
    uint64_t gc_start = t.step_count(), gc_end = t.step_count();
    std::vector<Death> deaths;
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        const HeapState& st = r.seek(s);
        // The Yielded objects: foo's is created first, bar's second.
        for (const auto& o : st.objects)
            if (o.type == "Yielded") {
                if (!yfoo) yfoo = o.id;
                else if (!ybar && o.id != yfoo) ybar = o.id;
            }
        if (st.event.kind == EventKind::Dealloc)
            deaths.push_back({s, st.event.subject, st.label(st.event.subject), st.event.detail});
        if (st.event.kind == EventKind::GcStart && gc_start == t.step_count()) gc_start = s;
        if (st.event.kind == EventKind::GcEnd && gc_end == t.step_count() && s > gc_start) gc_end = s;
    }
    ASSERT_NE(yfoo, 0u);
    ASSERT_NE(ybar, 0u);
    ASSERT_LT(gc_start, t.step_count());
    ASSERT_LT(gc_end, t.step_count());
    auto death = [&](ObjectId id) -> const Death* {
        for (const auto& d : deaths)
            if (d.id == id) return &d;
        return nullptr;
    };
    const Death* dy_foo = death(yfoo);
    const Death* dg_foo = death(foo);
    ASSERT_NE(dy_foo, nullptr);
    ASSERT_NE(dg_foo, nullptr);
    EXPECT_EQ(dy_foo->cause, static_cast<uint8_t>(DeallocCause::RefcountZero));
    EXPECT_EQ(dg_foo->cause, static_cast<uint8_t>(DeallocCause::RefcountZero));
    EXPECT_LT(dy_foo->step, dg_foo->step);  // CPython: the Yielded object first, then the generator it held
    EXPECT_LT(dg_foo->step, gc_start);
    const Death* dy_bar = death(ybar);
    const Death* dg_bar = death(bar);
    ASSERT_NE(dy_bar, nullptr);
    ASSERT_NE(dg_bar, nullptr);
    // Freed during the collection (the collector breaks the cycle; CPython's deallocs then
    // run as the counts drop), and not before it.
    EXPECT_GT(dy_bar->step, gc_start);
    EXPECT_GT(dg_bar->step, gc_start);
    EXPECT_LT(dy_bar->step, gc_end);
    EXPECT_LT(dg_bar->step, gc_end);
    // The collection step names them.
    Event end = t.event(gc_end);
    EXPECT_NE(std::find(end.objects.begin(), end.objects.end(), bar), end.objects.end());
    EXPECT_NE(std::find(end.objects.begin(), end.objects.end(), ybar), end.objects.end());
    // What the program printed, in CPython's order.
    std::string out(r.seek(t.step_count() - 1).output);
    EXPECT_EQ(out, "Delete foo\nExit foo\n-- gc.collect() --\nExit bar\nDelete bar\n-- done --\n");
}

const ObjectState* main_module(const HeapState& state) {
    for (const auto& o : state.objects)
        if (o.type == "module" && o.text("__name__") == "'__main__'") return &o;
    return nullptr;
}

// The first step of `kind`, failing the test when there is none.
uint64_t first_step(const Trace& t, EventKind kind) {
    uint64_t s = t.find_next(kind, 0);
    EXPECT_LT(s, t.step_count()) << "no step of kind " << static_cast<int>(kind);
    return s;
}

Trace record_source(const std::string& src) {
    std::ostringstream out, err;
    RecordOptions o;
    o.out = &out;
    o.err = &err;
    RecordResult r = record_program(src, "removal.py", o);
    EXPECT_FALSE(r.budget_exhausted);
    return std::move(r.trace);
}

// Deleting a key or an attribute is a `remove` change; a plain list's dealloc is no step
// of its own, but its `free` is inside a step, so the state stays exact.
TEST(Recording, DeletionsAreRemovedFieldsAndPlainDeallocsAreNotSteps) {
    Trace t = record_source(
        "def step(): pass\n"   // a call: FramePush / FramePop events between the statements
        "class C: pass\n"
        "c = C()\n"
        "c.x = 1\n"
        "c.y = 2\n"
        "step()\n"
        "del c.x\n"
        "d = {'a': [7], 'b': 2}\n"
        "step()\n"
        "del d['a']\n"
        "step()\n"
        "del d\n"
        "step()\n"
        "print(c.y)\n");
    Replay r(t);
    uint64_t output = first_step(t, EventKind::Output);
    ASSERT_LT(output, t.step_count());
    const HeapState& end = r.seek(output);
    const ObjectState* main = main_module(end);
    ASSERT_TRUE(main);
    EXPECT_EQ(main->field("d"), nullptr);  // `del d` removed the global
    const ObjectState* c = end.find(main->ref("c"));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->field("x"), nullptr);
    EXPECT_EQ(c->text("y"), "2");
    bool removed_key = false, list_freed = false;
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        for (const Change& ch : t.changes(s)) {
            if (ch.kind == Change::Kind::FieldRemoved && t.str(ch.name) == "'a'") removed_key = true;
            if (ch.kind == Change::Kind::Freed && r.type_ever(ch.object) == "list") list_freed = true;
        }
        if (t.event_kind(s) == EventKind::Dealloc) {
            EXPECT_NE(r.type_ever(t.record(s).subject), "list") << s;
        }
    }
    EXPECT_TRUE(removed_key);
    EXPECT_TRUE(list_freed);
}

// Floats reach the trace as their bits (no repr made or interned while recording) and
// read back as Python's repr: in a field, in a local, in a yielded value.
TEST(Recording, FloatsAreStoredAsBitsAndReadAsTheirRepr) {
    Trace t = record_source(
        "def g():\n"
        "    half = 0.5\n"
        "    yield half * 3\n"
        "xs = [0.1, 1e16, -0.0]\n"
        "for v in g():\n"
        "    print(v)\n");
    uint64_t yield_step = first_step(t, EventKind::GenYield);
    ASSERT_LT(yield_step, t.step_count());
    EXPECT_EQ(t.event(yield_step).value, Value::inline_text("1.5"));
    EXPECT_TRUE(t.record(yield_step).value().float_text());
    Replay r(t);
    const HeapState& at_yield = r.seek(yield_step);
    const ObjectState* main = main_module(at_yield);
    const ObjectState* gen = at_yield.find(t.record(yield_step).subject);
    ASSERT_TRUE(main && gen);
    const ObjectState* frame = at_yield.find(gen->ref("gi_iframe"));
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->text("localsplus[half]"), "0.5");
    const ObjectState* xs = at_yield.find(main->ref("xs"));
    ASSERT_TRUE(xs);
    EXPECT_EQ(xs->text("ob_item[0]"), "0.1");
    EXPECT_EQ(xs->text("ob_item[1]"), "1e+16");
    EXPECT_EQ(xs->text("ob_item[2]"), "-0.0");
    for (const std::string& s : t.strings())
        EXPECT_TRUE(s != "0.1" && s != "1.5" && s != "0.5") << "a float repr went to the string table: " << s;
}

}  // namespace
}  // namespace ys::trace
