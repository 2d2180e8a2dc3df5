// Heap-graph placement: stable slots over a trace, rectangles, edges.
#include <gtest/gtest.h>

#include "view/graph_layout.h"

namespace ys::view {
namespace {

TEST(GraphLayout, OverlappingLifetimesGetDistinctSlots) {
    StableGraphLayout g({{1, 0, 0, 10}, {2, 0, 1, 5}, {3, 0, 2, 20}}, 1);
    EXPECT_EQ(g.slot(1).index, 0);
    EXPECT_EQ(g.slot(2).index, 1);
    EXPECT_EQ(g.slot(3).index, 2);
    EXPECT_EQ(g.slots_in_lane(0), 3);
}

TEST(GraphLayout, DisjointLifetimesShareASlot) {
    // 2 dies at step 5; 4 is born at 5 and reuses its slot.
    StableGraphLayout g({{1, 0, 0, 100}, {2, 0, 1, 5}, {4, 0, 5, 9}}, 1);
    EXPECT_EQ(g.slot(2).index, 1);
    EXPECT_EQ(g.slot(4).index, 1);
    EXPECT_EQ(g.slots_in_lane(0), 2);
}

TEST(GraphLayout, LanesAreIndependentBands) {
    GraphOptions o;
    o.columns = 2;
    StableGraphLayout g({{1, 0, 0, 9}, {2, 0, 0, 9}, {3, 0, 0, 9}, {10, 1, 0, 9}}, 2);
    EXPECT_EQ(g.slot(10).lane, 1);
    EXPECT_EQ(g.slot(10).index, 0);
    // lane 0 needs two grid rows (3 slots, 2 columns); lane 1 starts below them
    EXPECT_FLOAT_EQ(g.lane_top(1, o), 2 * (o.node_h + o.gap_y) + o.lane_gap);
    Rect r3 = g.rect(3, o);
    EXPECT_FLOAT_EQ(r3.x, 0);
    EXPECT_FLOAT_EQ(r3.y, o.node_h + o.gap_y);
    Rect r10 = g.rect(10, o);
    EXPECT_GT(r10.y, r3.bottom());
    Vec2 size = g.size(o);
    EXPECT_GE(size.y, r10.bottom());
    EXPECT_FLOAT_EQ(size.x, 2 * (o.node_w + o.gap_x));
}

TEST(GraphLayout, PlacementDoesNotDependOnInputOrder) {
    std::vector<NodeLifetime> a{{1, 0, 0, 10}, {2, 0, 3, 6}, {3, 0, 7, 12}, {4, 0, 4, 8}};
    std::vector<NodeLifetime> b(a.rbegin(), a.rend());
    StableGraphLayout ga(a, 1), gb(b, 1);
    for (uint64_t id = 1; id <= 4; ++id) EXPECT_EQ(ga.slot(id), gb.slot(id)) << id;
}

TEST(GraphLayout, NoTwoLiveObjectsShareARectangle) {
    std::vector<NodeLifetime> lives;
    for (uint64_t id = 1; id <= 200; ++id)
        lives.push_back({id, static_cast<int>(id % 3), static_cast<int64_t>(id * 7 % 50),
                         static_cast<int64_t>(id * 7 % 50 + 1 + id % 13)});
    StableGraphLayout g(lives, 3);
    GraphOptions o;
    for (int64_t step = 0; step < 70; ++step) {
        std::vector<Rect> live;
        for (const auto& l : lives)
            if (l.born <= step && step < l.died) live.push_back(g.rect(l.id, o));
        for (size_t i = 0; i < live.size(); ++i)
            for (size_t j = i + 1; j < live.size(); ++j) ASSERT_FALSE(live[i].overlaps(live[j])) << step;
    }
}

TEST(GraphLayout, UnknownObjectsCanBeAdded) {
    StableGraphLayout g({{1, 0, 0, 9}}, 2);
    EXPECT_FALSE(g.has(5));
    EXPECT_EQ(g.slot(5).index, -1);
    Slot s = g.add(5, 1);
    EXPECT_EQ(s.lane, 1);
    EXPECT_EQ(s.index, 0);
    EXPECT_EQ(g.add(5, 0), s);   // idempotent
}

TEST(GraphLayout, EdgesStartAndEndOnNodeBorders) {
    Rect a{0, 0, 100, 40}, b{300, 0, 100, 40};
    EdgeGeometry e = route_edge(a, b, 0);
    EXPECT_NEAR(e.p0.y, 0, 1e-3);   // same row: bowed upward, leaves from the top border
    EXPECT_GE(e.p0.x, 0);
    EXPECT_LE(e.p0.x, 100);
    EXPECT_GE(e.p1.x, 300);
    Rect c{0, 200, 100, 40};
    EdgeGeometry down = route_edge(a, c, 0);
    EXPECT_FLOAT_EQ(down.p0.y, 40);
    EXPECT_FLOAT_EQ(down.p1.y, 200);
    EdgeGeometry bent = route_edge(a, c, 20);
    EXPECT_NE(bent.c1.x, down.c1.x);
    EdgeGeometry loop = self_loop(a);
    EXPECT_FLOAT_EQ(loop.p0.y, 0);
    EXPECT_FLOAT_EQ(loop.p1.x, 100);
}

}  // namespace
}  // namespace ys::view
