// The memory layout's order of generator boxes (view::layout_objects) on a recorded
// program: id order while few are alive, and the generator the step is about first
// when many are (an asyncio program has dozens of coroutines).
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

TEST(LayoutFocus, TheYieldingGeneratorComesFirstAmongMany) {
    const Trace t = record(
        "def g(n):\n"
        "    yield n\n"
        "gens = [g(i) for i in range(6)]\n"
        "for x in gens:\n"
        "    next(x)\n");
    Replay r(t);
    int yields = 0;
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        if (t.event_kind(s) != EventKind::GenYield) continue;
        const HeapState& st = r.seek(s);
        const auto ids = view::layout_objects(st, view::LayoutProfile::CPython311);
        ASSERT_FALSE(ids.empty());
        const size_t place = static_cast<size_t>(std::find(ids.begin(), ids.end(), st.event.subject) - ids.begin());
        // The first three keep their id order; from the fourth on, the yielding one leads.
        EXPECT_TRUE((place < 3 && place == static_cast<size_t>(yields)) || place == 0) << "yield " << yields << " at " << place;
        ++yields;
    }
    EXPECT_EQ(yields, 6);
}

}  // namespace
}  // namespace ys::trace
