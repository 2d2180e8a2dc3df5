#include <gtest/gtest.h>

#include "trace/hand_trace.h"
#include "trace/queries.h"

namespace ys::trace {
namespace {

using namespace ys::testing;

// A heap built by hand: thread state -> module -> a -> b -> c -> a (a cycle reachable
// from the root); d <-> e (a cycle that is garbage); f -> f (self-loop garbage); g alone.
HeapState small_heap() {
    HeapState st;
    auto obj = [&](ObjectId id, const char* type, std::vector<std::pair<const char*, ObjectId>> refs) {
        ObjectState o;
        o.id = id;
        o.type = type;
        o.refcount = 1;
        for (auto& [name, target] : refs) o.fields.push_back({name, target ? Value::pointer(target) : Value::null()});
        st.objects.push_back(o);
    };
    obj(1, "PyThreadState", {{"cframe.current_frame", 0}});
    obj(2, "module", {{"a", 10}});
    obj(10, "list", {{"ob_item[0]", 11}});
    obj(11, "list", {{"ob_item[0]", 12}, {"ob_item[1]", 99}});  // 99 is not alive: no edge
    obj(12, "Node", {{"next", 10}});
    obj(20, "generator", {{"gi_iframe", 21}});
    obj(21, "frame", {{"localsplus[x]", 20}});
    obj(30, "Node", {{"me", 30}});
    obj(40, "Node", {});
    return st;
}

TEST(Queries, CyclesAreStronglyConnectedComponents) {
    HeapState st = small_heap();
    auto cycles = reference_cycles(st);
    ASSERT_EQ(cycles.size(), 3u);
    EXPECT_EQ(cycles[0], (std::vector<ObjectId>{10, 11, 12}));
    EXPECT_EQ(cycles[1], (std::vector<ObjectId>{20, 21}));
    EXPECT_EQ(cycles[2], (std::vector<ObjectId>{30}));
}

TEST(Queries, UnreachableButAlive) {
    HeapState st = small_heap();
    EXPECT_EQ(heap_roots(st), (std::vector<ObjectId>{1, 2}));
    EXPECT_EQ(unreachable_alive(st), (std::vector<ObjectId>{20, 21, 30, 40}));
}

TEST(Queries, WhyAlive) {
    HeapState st = small_heap();
    auto path = why_alive(st, 12);
    ASSERT_TRUE(path.has_value());
    ASSERT_EQ(path->size(), 4u);
    EXPECT_EQ((*path)[0].object, 2u);
    EXPECT_EQ((*path)[0].field, "a");
    EXPECT_EQ((*path)[1].object, 10u);
    EXPECT_EQ((*path)[1].field, "ob_item[0]");
    EXPECT_EQ((*path)[2].object, 11u);
    EXPECT_EQ((*path)[2].field, "ob_item[0]");
    EXPECT_EQ((*path)[3].object, 12u);
    EXPECT_EQ((*path)[3].field, "");
    EXPECT_FALSE(why_alive(st, 20).has_value());   // garbage
    EXPECT_FALSE(why_alive(st, 777).has_value());  // not alive
    auto root = why_alive(st, 2);
    ASSERT_TRUE(root.has_value());
    EXPECT_EQ(root->size(), 1u);
}

TEST(Queries, AnalysisOnTheHandTrace) {
    Trace t = build_hand_trace();
    Replay r(t);
    // Step 10: the two lists refer to each other and nothing else refers to them.
    HeapAnalysis a = analyze_heap(r.seek(10));
    ASSERT_EQ(a.cycles.size(), 1u);
    EXPECT_EQ(a.cycles[0], (std::vector<ObjectId>{kListA, kListB}));
    EXPECT_TRUE(a.is_unreachable(kListA));
    EXPECT_EQ(a.cycle_of(kListB), 0);
    EXPECT_EQ(a.cycle_of(kGen), -1);
    // The generator is alive because __main__.g points to it.
    auto path = why_alive(r.state(), kGen);
    ASSERT_TRUE(path.has_value());
    EXPECT_EQ(path->front().object, kMain);
    EXPECT_EQ(path->front().field, "g");
    // Its frame is reached through gi_iframe.
    auto fpath = why_alive(r.state(), kFrameFib);
    ASSERT_TRUE(fpath.has_value());
    EXPECT_EQ((*fpath)[fpath->size() - 2].field, "gi_iframe");
    // The frame on the stack is a root.
    auto roots = heap_roots(r.state());
    EXPECT_NE(std::find(roots.begin(), roots.end(), kFrameMod), roots.end());
    // After the collection nothing is unreachable.
    EXPECT_TRUE(analyze_heap(r.seek(15)).unreachable.empty());
}

}  // namespace
}  // namespace ys::trace
