// The memory layout's order of generator boxes (view::layout_objects) on a recorded
// program: id order while three or fewer are alive, and the generator the step is
// about first when more are (an asyncio program has dozens of coroutines).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "trace/record_program.h"
#include "trace/replay.h"
#include "view/struct_layout.h"

namespace ys::trace {
namespace {

Trace record(const std::string& source) {
    std::ostringstream out, err;
    RecordOptions o;
    o.out = &out;
    o.err = &err;
    return record_program(source, "prog.py", o).trace;
}

// At each yield: where the yielding generator's box is.
std::vector<size_t> places_at_yields(const Trace& t) {
    Replay r(t);
    std::vector<size_t> places;
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        if (t.event_kind(s) != EventKind::GenYield) continue;
        const HeapState& st = r.seek(s);
        const auto ids = view::layout_objects(st, view::LayoutProfile::CPython311);
        places.push_back(static_cast<size_t>(std::find(ids.begin(), ids.end(), st.event.subject) - ids.begin()));
    }
    return places;
}

TEST(LayoutFocus, TheYieldingGeneratorComesFirstAmongMany) {
    const Trace t = record(
        "def g(n):\n"
        "    yield n\n"
        "gens = [g(i) for i in range(6)]\n"
        "for x in gens:\n"
        "    next(x)\n");
    EXPECT_EQ(places_at_yields(t), (std::vector<size_t>{0, 0, 0, 0, 0, 0}));
}

TEST(LayoutFocus, AFewGeneratorsKeepTheirPlaces) {
    const Trace t = record(
        "def g(n):\n"
        "    yield n\n"
        "gens = [g(i) for i in range(3)]\n"
        "for x in gens:\n"
        "    next(x)\n");
    EXPECT_EQ(places_at_yields(t), (std::vector<size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace ys::trace
