#include <gtest/gtest.h>

#include <stdexcept>

#include "trace/hand_trace.h"
#include "trace/recorder.h"

namespace ys::trace {
namespace {

TEST(Recorder, CoalescesRefcountsWithinAStep) {
    Recorder r;
    r.on_object_created(1, "list", 1);
    r.on_refcount(1, 2);
    r.on_refcount(1, 3);
    r.on_event(Event{});
    r.on_refcount(1, 4);
    r.on_refcount(1, 5);
    r.on_field_set(1, "ob_item[0]", Value::integer(3));
    r.on_refcount(1, 2);
    r.on_event(Event{});
    Trace t = r.finish();
    ASSERT_EQ(t.step_count(), 2u);
    auto s0 = t.changes(0);
    ASSERT_EQ(s0.size(), 1u);  // folded into the creation
    EXPECT_EQ(s0[0].kind, Change::Kind::Created);
    EXPECT_EQ(s0[0].payload, 3);
    auto s1 = t.changes(1);
    ASSERT_EQ(s1.size(), 2u);
    EXPECT_EQ(s1[0].kind, Change::Kind::Refcount);
    EXPECT_EQ(s1[0].payload, 2);
    EXPECT_EQ(s1[1].kind, Change::Kind::FieldSet);
}

TEST(Recorder, FinishClosesTrailingChangesAndMarksTruncation) {
    Recorder r;
    Event start;
    start.kind = EventKind::ProgramStart;
    r.on_event(start);
    r.on_object_created(5, "list", 1);
    Trace t = r.finish(true);
    ASSERT_EQ(t.step_count(), 2u);
    EXPECT_EQ(t.event_kind(1), EventKind::ProgramEnd);
    EXPECT_TRUE(t.header.truncated);
    EXPECT_EQ(t.changes(1).size(), 1u);
}

TEST(Recorder, KeepsCodeObjectsAndProgram) {
    Trace t = testing::build_hand_trace();
    EXPECT_EQ(t.filename, "hand.py");
    ASSERT_NE(t.code(testing::kCodeFib), nullptr);
    EXPECT_EQ(t.code(testing::kCodeFib)->co_name, "fib");
    EXPECT_EQ(t.step_count(), 16u);
    EXPECT_EQ(t.header.granularity, Granularity::Events);
    EXPECT_EQ(t.find_next(EventKind::GenYield, 0), 7u);
    EXPECT_EQ(t.find_prev(EventKind::GenResume, 10), 3u);
}

TEST(Recorder, SparseIdsWork) {
    Recorder r;
    ObjectId big = kMaxChangeObject - 5;  // past the dense table
    r.on_object_created(big, "list", 1);
    r.on_event(Event{});
    r.on_refcount(big, 2);
    r.on_refcount(big, 3);
    r.on_event(Event{});
    Trace t = r.finish();
    ASSERT_EQ(t.changes(1).size(), 1u);
    EXPECT_EQ(t.changes(1)[0].payload, 3);
    EXPECT_EQ(t.changes(1)[0].object, big);
}

// Changes keep 32-bit object ids: a larger one is refused, never truncated.
TEST(Recorder, RefusesObjectIdsPast32Bits) {
    Recorder r;
    EXPECT_THROW(r.on_object_created(kMaxChangeObject + 1, "list", 1), std::length_error);
    EXPECT_THROW(r.on_field_set(ObjectId{1} << 40, "x", Value::integer(1)), std::length_error);
}

TEST(Recorder, RecordsRemovedFields) {
    Trace t = testing::build_removal_trace();
    ASSERT_EQ(t.step_count(), 3u);
    auto s1 = t.changes(1);
    ASSERT_EQ(s1.size(), 1u);
    EXPECT_EQ(s1[0].kind, Change::Kind::FieldRemoved);
    EXPECT_EQ(s1[0].object, 1u);
    EXPECT_EQ(t.str(s1[0].name), "'a'");
    EXPECT_STREQ(change_kind_name(s1[0].kind), "remove");
}

}  // namespace
}  // namespace ys::trace
