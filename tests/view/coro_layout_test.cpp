// Coroutine and async-generator struct boxes in both layout profiles, and cr_origin
// drawn as the frames it records. The trace is built by hand, reported the way
// REPORTING.md says the VM reports coroutines and async generators.
#include <gtest/gtest.h>

#include "trace/recorder.h"
#include "trace/replay.h"
#include "view/coro_layout.h"
#include "view/struct_layout.h"

namespace ys::view {
namespace {

using trace::Event;
using trace::EventKind;
using trace::Value;

constexpr trace::ObjectId kThread = 1, kCoro = 2, kCoroFrame = 3, kAgen = 4, kAgenFrame = 5, kHook = 6;

void frame(trace::Recorder& r, trace::ObjectId id, int lasti) {
    r.on_object_created(id, "frame", 1);
    r.on_field_set(id, "f_code", Value::null());
    r.on_field_set(id, "previous", Value::null());
    r.on_field_set(id, "prev_instr", Value::integer(lasti));
    r.on_field_set(id, "f_lineno", Value::integer(3));
    r.on_field_set(id, "owner", Value::inline_text("FRAME_OWNED_BY_GENERATOR"));
}

void head(trace::Recorder& r, trace::ObjectId id, const char* type, const std::string& p, trace::ObjectId iframe,
          const char* state) {
    r.on_object_created(id, type, 1);
    r.on_field_set(id, p + "code", Value::null());
    r.on_field_set(id, p + "weakreflist", Value::null());
    r.on_field_set(id, p + "name", Value::inline_text("'f'"));
    r.on_field_set(id, p + "qualname", Value::inline_text("'f'"));
    r.on_field_set(id, p + "exc_state.exc_value", Value::null());
    r.on_field_set(id, p + "exc_state.previous_item", Value::null());
    r.on_field_set(id, p + "frame_state", Value::inline_text(state));
    r.on_field_set(id, p + "iframe", Value::pointer(iframe));
}

trace::Trace build() {
    trace::Recorder r;
    r.set_program("coro.py", "async def f():\n    pass\n");
    r.on_object_created(kThread, "PyThreadState", 1);
    frame(r, kCoroFrame, 0);
    head(r, kCoro, "coroutine", "cr_", kCoroFrame, "FRAME_CREATED");
    r.on_field_set(kCoro, "cr_origin", Value::inline_text("(('/tmp/o.py', 6, 'g'), ('/tmp/o.py', 7, '<module>'))"));
    r.on_object_created(kHook, "function", 1);
    frame(r, kAgenFrame, 10);
    head(r, kAgen, "async_generator", "ag_", kAgenFrame, "FRAME_EXECUTING");
    r.on_field_set(kAgen, "ag_hooks_inited", Value::integer(1));
    r.on_field_set(kAgen, "ag_closed", Value::integer(0));
    r.on_field_set(kAgen, "ag_finalizer", Value::pointer(kHook));
    Event e;
    e.kind = EventKind::CoroCreate;
    e.subject = kCoro;
    r.on_event(e);
    return r.finish();
}

std::vector<std::string> names(const StructBox& b) {
    std::vector<std::string> out;
    for (const auto& row : b.rows) out.push_back(std::string(2 * static_cast<size_t>(row.depth), ' ') + row.field);
    return out;
}

const StructRow* find(const StructBox& b, const std::string& field) {
    for (const auto& row : b.rows)
        if (row.field == field) return &row;
    return nullptr;
}

TEST(CoroLayout, ParsesOrigin) {
    auto frames = parse_origin("(('/tmp/o.py', 6, 'g'), (\"it's.py\", 17, '<module>'))");
    ASSERT_TRUE(frames);
    ASSERT_EQ(frames->size(), 2u);
    EXPECT_EQ((*frames)[0], (OriginFrame{"/tmp/o.py", 6, "g"}));
    EXPECT_EQ((*frames)[1], (OriginFrame{"it's.py", 17, "<module>"}));
    EXPECT_TRUE(parse_origin("()"));
    EXPECT_FALSE(parse_origin("None"));
    EXPECT_FALSE(parse_origin("(('a', 'b', 'c'),)"));
    EXPECT_FALSE(parse_origin("(('a', 1, 'c')"));
    EXPECT_FALSE(parse_origin(""));
}

TEST(CoroLayout, Coroutine311HasTheOriginSlotBeforeTheFrameState) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const StructBox b = struct_layout(replay.seek(0), kCoro, LayoutProfile::CPython311);
    const std::vector<std::string> n = names(b);
    const std::vector<std::string> want_head{"cr_code", "cr_weakreflist", "cr_name", "cr_qualname",
                                             "cr_exc_state.exc_value", "cr_exc_state.previous_item",
                                             "cr_origin_or_finalizer", "  [0]", "  [1]", "cr_frame_state", "cr_iframe"};
    ASSERT_GE(n.size(), want_head.size());
    EXPECT_EQ(std::vector<std::string>(n.begin(), n.begin() + static_cast<long>(want_head.size())), want_head);
    const StructRow* first = find(b, "[0]");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->value, "g");
    EXPECT_EQ(first->points_to, "/tmp/o.py:6");
    EXPECT_EQ(find(b, "cr_origin_or_finalizer")->points_to, "2 frames: where it was created");
}

TEST(CoroLayout, Coroutine37HasASeparateFrameAndCrOrigin) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const StructBox b = struct_layout(replay.seek(0), kCoro, LayoutProfile::CPython37);
    const std::vector<std::string> n = names(b);
    EXPECT_EQ(n.front(), "cr_frame");
    EXPECT_EQ(b.rows.front().target, kCoroFrame);
    ASSERT_NE(find(b, "cr_running"), nullptr);
    ASSERT_NE(find(b, "cr_origin"), nullptr);
    EXPECT_EQ(find(b, "cr_origin_or_finalizer"), nullptr);
    EXPECT_EQ(find(b, "[1]")->value, "<module>");
}

TEST(CoroLayout, AsyncGenerator311) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const StructBox b = struct_layout(replay.seek(0), kAgen, LayoutProfile::CPython311);
    const std::vector<std::string> n = names(b);
    const std::vector<std::string> want_head{"ag_code", "ag_weakreflist", "ag_name", "ag_qualname",
                                             "ag_exc_state.exc_value", "ag_exc_state.previous_item",
                                             "ag_origin_or_finalizer", "ag_hooks_inited", "ag_closed",
                                             "ag_running_async", "ag_frame_state", "ag_iframe"};
    ASSERT_GE(n.size(), want_head.size());
    EXPECT_EQ(std::vector<std::string>(n.begin(), n.begin() + static_cast<long>(want_head.size())), want_head);
    EXPECT_EQ(find(b, "ag_origin_or_finalizer")->target, kHook);
    EXPECT_EQ(find(b, "ag_hooks_inited")->value, "1");
    EXPECT_EQ(find(b, "ag_running_async")->value, "1");   // executing
}

TEST(CoroLayout, AsyncGenerator37) {
    const trace::Trace t = build();
    trace::Replay replay(t);
    const StructBox b = struct_layout(replay.seek(0), kAgen, LayoutProfile::CPython37);
    const std::vector<std::string> n = names(b);
    EXPECT_EQ(n.front(), "ag_frame");
    const std::vector<std::string> want_tail{"ag_finalizer", "ag_hooks_inited", "ag_closed", "ag_running_async"};
    ASSERT_GE(n.size(), want_tail.size());
    EXPECT_EQ(std::vector<std::string>(n.end() - static_cast<long>(want_tail.size()), n.end()), want_tail);
    EXPECT_EQ(find(b, "ag_finalizer")->target, kHook);
    EXPECT_NE(find(b, "ag_running"), nullptr);
}

}  // namespace
}  // namespace ys::view
