// Timeline binning and event navigation.
#include <gtest/gtest.h>

#include "view/timeline.h"

namespace ys::view {
namespace {

// kinds: 0 = line, 1 = yield, 2 = resume, 3 = dealloc
const std::vector<uint8_t> kKinds{2, 0, 1, 0, 2, 0, 1, 3, 0, 2};

TEST(Timeline, CountsAndPresence) {
    TimelineIndex t(kKinds);
    EXPECT_EQ(t.steps(), 10);
    EXPECT_EQ(t.count(0), 4);
    EXPECT_EQ(t.count(1), 2);
    EXPECT_EQ(t.count(5), 0);
    EXPECT_EQ(t.present(), kind_bit(0) | kind_bit(1) | kind_bit(2) | kind_bit(3));
}

TEST(Timeline, NextAndPreviousOfAKind) {
    TimelineIndex t(kKinds);
    EXPECT_EQ(t.next_of(0, kind_bit(1)), 2);
    EXPECT_EQ(t.next_of(2, kind_bit(1)), 6);
    EXPECT_EQ(t.next_of(6, kind_bit(1)), -1);
    EXPECT_EQ(t.prev_of(6, kind_bit(1)), 2);
    EXPECT_EQ(t.prev_of(2, kind_bit(1)), -1);
    EXPECT_EQ(t.next_of(-1, kind_bit(2)), 0);
    // a set of kinds: the nearest of any
    EXPECT_EQ(t.next_of(2, kind_bit(1) | kind_bit(3)), 6);
    EXPECT_EQ(t.next_of(6, kind_bit(1) | kind_bit(3)), 7);
    EXPECT_EQ(t.prev_of(9, kind_bit(1) | kind_bit(3)), 7);
    EXPECT_EQ(t.next_of(0, 0), -1);
}

TEST(Timeline, BinsWithOneStepPerColumn) {
    TimelineIndex t(kKinds);
    auto bins = t.bins(0, 10, 10, ~KindMask{0});
    ASSERT_EQ(bins.size(), 10u);
    for (size_t s = 0; s < 10; ++s) EXPECT_EQ(bins[s], kind_bit(kKinds[s])) << s;
}

TEST(Timeline, BinsMergeStepsAndRespectTheFilter) {
    TimelineIndex t(kKinds);
    auto bins = t.bins(0, 10, 2, kind_bit(1) | kind_bit(3));
    ASSERT_EQ(bins.size(), 2u);
    EXPECT_EQ(bins[0], kind_bit(1));                  // steps 0-4
    EXPECT_EQ(bins[1], kind_bit(1) | kind_bit(3));    // steps 5-9
}

TEST(Timeline, MoreColumnsThanSteps) {
    TimelineIndex t(kKinds);
    auto bins = t.bins(0, 10, 40, kind_bit(3));
    int marked = 0;
    for (auto b : bins) marked += b != 0;
    EXPECT_GE(marked, 1);
    EXPECT_LE(marked, 4);
}

TEST(Timeline, AMillionStepsBinQuickly) {
    std::vector<uint8_t> kinds(1'000'000, 0);
    for (size_t i = 0; i < kinds.size(); i += 1000) kinds[i] = 1;
    TimelineIndex t(kinds);
    auto bins = t.bins(0, 1'000'000, 1000, kind_bit(1));
    for (auto b : bins) EXPECT_EQ(b, kind_bit(1));
    EXPECT_EQ(t.next_of(500'000, kind_bit(1)), 501'000);
}

TEST(Timeline, PixelStepMapping) {
    EXPECT_EQ(step_at(0, 100, 0, 10), 0);
    EXPECT_EQ(step_at(55, 100, 0, 10), 5);
    EXPECT_EQ(step_at(100, 100, 0, 10), 9);
    EXPECT_EQ(step_at(-5, 100, 0, 10), 0);
    EXPECT_FLOAT_EQ(step_x(0, 100, 0, 10), 5);
    EXPECT_EQ(step_at(step_x(7, 100, 0, 10), 100, 0, 10), 7);
    StepRange r = bin_range(0, 100, 10, 3);
    EXPECT_EQ(r.first, 30);
    EXPECT_EQ(r.last, 40);
}

TEST(Timeline, PickKindFollowsPriority) {
    EXPECT_EQ(pick_kind(0, {1, 2}), -1);
    EXPECT_EQ(pick_kind(kind_bit(0) | kind_bit(2), {2, 0}), 2);
    EXPECT_EQ(pick_kind(kind_bit(0) | kind_bit(5), {2}), 0);
}

}  // namespace
}  // namespace ys::view
