#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "trace/hand_trace.h"
#include "trace/replay.h"

namespace ys::trace {
namespace {

using namespace ys::testing;

// The state rebuilt from step 0, independently of Replay.
std::vector<ObjectState> naive_state(const Trace& t, uint64_t step) {
    std::map<ObjectId, ObjectState> objs;
    for (uint64_t s = 0; s <= step; ++s)
        for (const Change& c : t.changes(s)) {
            switch (c.kind) {
                case Change::Kind::Created: {
                    ObjectState o;
                    o.id = c.object;
                    o.type = std::string(t.str(c.name));
                    o.refcount = c.payload;
                    objs[c.object] = o;
                    break;
                }
                case Change::Kind::FieldSet: {
                    auto it = objs.find(c.object);
                    if (it == objs.end()) break;
                    auto& fields = it->second.fields;
                    auto f = std::find_if(fields.begin(), fields.end(), [&](auto& x) { return x.name == t.str(c.name); });
                    if (f == fields.end()) fields.push_back({std::string(t.str(c.name)), t.unpack(c.value())});
                    else f->value = t.unpack(c.value());
                    break;
                }
                case Change::Kind::Refcount:
                    if (objs.count(c.object)) objs[c.object].refcount = c.payload;
                    break;
                case Change::Kind::Freed: objs.erase(c.object); break;
                case Change::Kind::FieldRemoved: {
                    auto it = objs.find(c.object);
                    if (it == objs.end()) break;
                    auto& fields = it->second.fields;
                    std::erase_if(fields, [&](auto& x) { return x.name == t.str(c.name); });
                    break;
                }
            }
        }
    std::vector<ObjectState> out;
    for (auto& [id, o] : objs) out.push_back(o);
    return out;
}

TEST(Replay, HandTraceFramesAndExceptionChain) {
    Trace t = build_hand_trace();
    Replay r(t);
    const HeapState& s4 = r.seek(4);
    ASSERT_EQ(s4.frame_stack.size(), 2u);
    EXPECT_EQ(s4.frame_stack[0].frame, kFrameFib);
    EXPECT_EQ(s4.frame_stack[0].generator, kGen);
    EXPECT_EQ(s4.frame_stack[0].name, "fib");
    EXPECT_EQ(s4.frame_stack[1].frame, kFrameMod);
    EXPECT_EQ(s4.frame_stack[1].name, "<module>");
    EXPECT_TRUE(s4.suspended_frames.empty());
    ASSERT_EQ(s4.exc_chain.size(), 2u);
    EXPECT_EQ(s4.exc_chain[0].owner, kGen);
    EXPECT_EQ(s4.exc_chain[1].owner, kThread);

    const HeapState& s6 = r.seek(6);
    EXPECT_EQ(s6.exc_chain[0].exc_value, Value::pointer(kExc));

    const HeapState& s7 = r.seek(7);
    ASSERT_EQ(s7.frame_stack.size(), 1u);
    EXPECT_EQ(s7.frame_stack[0].frame, kFrameMod);
    ASSERT_EQ(s7.suspended_frames.size(), 1u);
    EXPECT_EQ(s7.suspended_frames[0].frame, kFrameFib);
    EXPECT_TRUE(s7.suspended_frames[0].suspended);
    EXPECT_EQ(s7.suspended_frames[0].lasti, 16);
    EXPECT_EQ(s7.suspended_frames[0].line, 5);
    EXPECT_EQ(s7.event.kind, EventKind::GenYield);
    EXPECT_TRUE(s7.diff.field_changed(kGen, "gi_frame_state"));
    EXPECT_TRUE(s7.diff.field_changed(kFrameFib, "prev_instr"));
    EXPECT_FALSE(s7.diff.field_changed(kGen, "gi_name"));

    const HeapState& s8 = r.seek(8);
    ASSERT_EQ(s8.exc_chain.size(), 1u);
    EXPECT_EQ(s8.exc_chain[0].owner, kThread);
    EXPECT_EQ(s8.find(kGen)->ref("gi_exc_state.exc_value"), kExc);
    EXPECT_EQ(s8.output, "");
    EXPECT_EQ(r.seek(9).output, "1\n");
    EXPECT_EQ(r.seek(2).output, "");
    EXPECT_EQ(r.seek(15).output, "1\n");
}

TEST(Replay, StepDiffs) {
    Trace t = build_hand_trace();
    Replay r(t);
    const HeapState& s2 = r.seek(2);
    EXPECT_TRUE(s2.diff.created_here(kGen));
    EXPECT_TRUE(s2.diff.created_here(kFrameFib));
    EXPECT_EQ(s2.find(kGen)->refcount, 1);
    ASSERT_TRUE(s2.diff.refcount_changed(kCodeFib));
    EXPECT_EQ(s2.diff.refcounts[0].before, 1);
    EXPECT_EQ(s2.diff.refcounts[0].after, 4);
    EXPECT_FALSE(s2.diff.refcount_changed(kGen));  // created here: not a change
    const HeapState& s13 = r.seek(13);
    ASSERT_EQ(s13.diff.freed.size(), 1u);
    EXPECT_EQ(s13.diff.freed[0].id, kListA);
    EXPECT_FALSE(s13.alive(kListA));
    EXPECT_TRUE(s13.alive(kListB));
    EXPECT_EQ(s13.find(kListB)->refcount, 0);
}

TEST(Replay, EmptyTraceAndClamping) {
    Trace empty;
    Replay r(empty);
    EXPECT_TRUE(r.seek(10).objects.empty());
    Trace t = build_hand_trace();
    Replay r2(t);
    EXPECT_EQ(r2.seek(1000).step, t.step_count() - 1);
}

// A random trace through the sink: objects come and go, fields point around.
Trace random_trace(uint64_t steps, uint32_t seed) {
    std::mt19937 rng(seed);
    Recorder rec;
    std::vector<ObjectId> live;
    ObjectId next = 1;
    for (uint64_t s = 0; s < steps; ++s) {
        int ops = static_cast<int>(rng() % 5);
        for (int k = 0; k < ops; ++k) {
            unsigned what = rng() % 10;
            if (live.empty() || what < 2) {
                ObjectId id = next++;
                rec.on_object_created(id, (rng() & 1) ? "list" : "generator", 1);
                live.push_back(id);
            } else if (what < 7) {
                ObjectId id = live[rng() % live.size()];
                std::string field = "f" + std::to_string(rng() % 4);
                unsigned kind = rng() % 3;
                Value v = kind == 0   ? Value::integer(static_cast<int64_t>(rng() % 100))
                          : kind == 1 ? Value::inline_text("'s" + std::to_string(rng() % 7) + "'")
                                      : Value::pointer(live[rng() % live.size()]);
                rec.on_field_set(id, field, v);
            } else if (what < 9) {
                rec.on_refcount(live[rng() % live.size()], static_cast<int64_t>(rng() % 9));
            } else {
                size_t i = rng() % live.size();
                rec.on_object_freed(live[i]);
                live.erase(live.begin() + static_cast<long>(i));
            }
        }
        Event e;
        e.kind = (rng() % 7 == 0) ? EventKind::Output : EventKind::Line;
        if (e.kind == EventKind::Output) e.text = std::to_string(s) + "\n";
        rec.on_event(e);
    }
    return rec.finish();
}

TEST(Replay, SeekEqualsRebuildFromStepZeroInBothDirections) {
    Trace t = random_trace(3000, 7);
    ReplayOptions opts;
    opts.keyframe_changes = 50;
    Replay r(t, opts);
    EXPECT_GT(r.keyframe_count(), 10u);
    std::mt19937 rng(99);
    std::vector<uint64_t> targets;
    for (int i = 0; i < 60; ++i) targets.push_back(rng() % t.step_count());
    targets.push_back(0);
    targets.push_back(t.step_count() - 1);
    // Forward, backward, and in random order; and single steps both ways.
    std::vector<uint64_t> order = targets;
    std::sort(order.begin(), order.end());
    std::vector<uint64_t> rev(order.rbegin(), order.rend());
    for (const auto* seq : {&targets, &order, &rev}) {
        for (uint64_t s : *seq) {
            ASSERT_EQ(r.seek(s).objects, naive_state(t, s)) << "step " << s;
            std::string out;
            for (uint64_t k = 0; k <= s; ++k)
                if (t.event_kind(k) == EventKind::Output) out += t.event(k).text;
            ASSERT_EQ(r.state().output, out);
        }
    }
    for (uint64_t s = 1200; s < 1300; ++s) ASSERT_EQ(r.seek(s).objects, naive_state(t, s));
    for (uint64_t s = 1300; s-- > 1200;) ASSERT_EQ(r.seek(s).objects, naive_state(t, s));
}

TEST(Replay, DiffMatchesTheDifferenceOfNeighbouringStates) {
    Trace t = random_trace(400, 3);
    Replay r(t, ReplayOptions{30});
    for (uint64_t s = 1; s < t.step_count(); s += 7) {
        auto before = naive_state(t, s - 1);
        const HeapState& st = r.seek(s);
        for (ObjectId id : st.diff.created) {
            EXPECT_TRUE(std::none_of(before.begin(), before.end(), [&](auto& o) { return o.id == id; }));
        }
        for (const auto& fc : st.diff.fields) {
            auto it = std::find_if(before.begin(), before.end(), [&](auto& o) { return o.id == fc.object; });
            ASSERT_NE(it, before.end());
            const Value* v = it->field(fc.field);
            EXPECT_EQ(v ? *v : Value::null(), fc.before);
            if (st.alive(fc.object)) {
                EXPECT_EQ(*st.find(fc.object)->field(fc.field), fc.after);
            }
        }
        for (const auto& f : st.diff.freed) {
            auto it = std::find_if(before.begin(), before.end(), [&](auto& o) { return o.id == f.id; });
            ASSERT_NE(it, before.end());
            EXPECT_FALSE(st.alive(f.id));
        }
    }
}

TEST(Replay, ReReportingTheSameValueIsNotAChange) {
    Recorder rec;
    rec.on_object_created(1, "generator", 1);
    rec.on_field_set(1, "gi_name", Value::inline_text("'fib'"));
    rec.on_event(Event{});
    rec.on_field_set(1, "gi_name", Value::inline_text("'fib'"));
    rec.on_field_set(1, "gi_frame_state", Value::inline_text("FRAME_SUSPENDED"));
    rec.on_refcount(1, 1);
    rec.on_event(Event{});
    Trace t = rec.finish();
    Replay r(t);
    const HeapState& st = r.seek(1);
    EXPECT_FALSE(st.diff.field_changed(1, "gi_name"));
    EXPECT_TRUE(st.diff.field_changed(1, "gi_frame_state"));
    EXPECT_FALSE(st.diff.refcount_changed(1));
}

TEST(Replay, IgnoresChangesToUnknownObjects) {
    Recorder rec;
    rec.on_field_set(42, "x", Value::integer(1));
    rec.on_refcount(42, 3);
    rec.on_object_freed(42);
    rec.on_event(Event{});
    Trace t = rec.finish();
    Replay r(t);
    EXPECT_TRUE(r.seek(0).objects.empty());
}

TEST(Replay, RemovedFieldsDisappearAndComeBack) {
    Trace t = build_removal_trace();
    for (uint64_t keyframe : {1ull, 4096ull}) {
        Replay r(t, ReplayOptions{keyframe});
        const HeapState& s1 = r.seek(1);
        const ObjectState* d = s1.find(1);
        ASSERT_TRUE(d);
        EXPECT_EQ(d->field("'a'"), nullptr);
        EXPECT_EQ(d->integer("'b'"), 2);
        ASSERT_EQ(s1.diff.fields.size(), 1u);
        EXPECT_TRUE(s1.diff.fields[0].removed);
        EXPECT_EQ(s1.diff.fields[0].before, Value::integer(1));
        EXPECT_TRUE(s1.diff.field_changed(1, "'a'"));
        const HeapState& s2 = r.seek(2);
        EXPECT_EQ(s2.find(1)->integer("'a'"), 3);
        ASSERT_EQ(s2.diff.fields.size(), 1u);
        EXPECT_FALSE(s2.diff.fields[0].removed);
        EXPECT_EQ(s2.diff.fields[0].before, Value::null());
        // Backwards, and every step against the state rebuilt from scratch.
        EXPECT_EQ(r.seek(1).find(1)->field("'a'"), nullptr);
        EXPECT_EQ(r.seek(0).find(1)->integer("'a'"), 1);
        for (uint64_t s : {2u, 0u, 1u}) EXPECT_EQ(r.seek(s).objects, naive_state(t, s)) << "step " << s;
    }
}

}  // namespace
}  // namespace ys::trace
