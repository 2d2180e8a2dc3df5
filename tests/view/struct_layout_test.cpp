#include <gtest/gtest.h>

#include "trace/hand_trace.h"
#include "view/struct_layout.h"

namespace ys::view {
namespace {

using namespace ys::testing;
using trace::Replay;
using trace::Value;

std::vector<std::string> names(const StructBox& b) {
    std::vector<std::string> out;
    for (const auto& r : b.rows) out.push_back(std::string(2 * static_cast<size_t>(r.depth), ' ') + r.field);
    return out;
}

const StructRow& row(const StructBox& b, const std::string& field) {
    for (const auto& r : b.rows)
        if (r.field == field) return r;
    static StructRow none;
    ADD_FAILURE() << "no row " << field;
    return none;
}

TEST(StructLayout, Generator311EmbedsItsFrame) {
    trace::Trace t = build_hand_trace();
    Replay r(t);
    StructBox b = struct_layout(r.seek(7), kGen, LayoutProfile::CPython311);
    EXPECT_EQ(b.title, "generator fib");
    EXPECT_EQ(b.refcount, 1);
    EXPECT_EQ(names(b), (std::vector<std::string>{
                            "gi_code", "gi_weakreflist", "gi_name", "gi_qualname", "gi_exc_state.exc_value",
                            "gi_exc_state.previous_item", "gi_frame_state", "gi_iframe", "  f_code", "  f_func",
                            "  previous", "  prev_instr", "  f_lineno", "  stacktop", "  owner", "  localsplus[x]"}));
    EXPECT_EQ(row(b, "gi_frame_state").value, "FRAME_SUSPENDED");
    EXPECT_TRUE(row(b, "gi_frame_state").changed);
    EXPECT_FALSE(row(b, "gi_name").changed);
    EXPECT_EQ(row(b, "gi_name").value, "'fib'");
    EXPECT_EQ(row(b, "gi_exc_state.exc_value").target, kExc);
    EXPECT_EQ(row(b, "gi_exc_state.exc_value").points_to, "ZeroDivisionError: division by zero");
    EXPECT_EQ(row(b, "gi_code").points_to, "code fib");
    EXPECT_EQ(row(b, "gi_iframe").value, "(embedded)");
    EXPECT_EQ(row(b, "prev_instr").value, "16");
    EXPECT_EQ(row(b, "prev_instr").points_to, "f_lasti 16, line 5");
    EXPECT_TRUE(row(b, "prev_instr").changed);
    EXPECT_EQ(row(b, "prev_instr").depth, 1);
    EXPECT_EQ(row(b, "gi_weakreflist").value, "NULL");
}

TEST(StructLayout, Generator37HasASeparateFrameAndOldExcState) {
    trace::Trace t = build_hand_trace();
    Replay r(t);
    StructBox b = struct_layout(r.seek(7), kGen, LayoutProfile::CPython37);
    EXPECT_EQ(names(b), (std::vector<std::string>{"gi_frame", "gi_running", "gi_code", "gi_weakreflist", "gi_name",
                                                  "gi_qualname", "gi_exc_state.exc_type", "gi_exc_state.exc_value",
                                                  "gi_exc_state.exc_traceback", "gi_exc_state.previous_item"}));
    EXPECT_EQ(row(b, "gi_frame").target, kFrameFib);
    EXPECT_EQ(row(b, "gi_running").value, "0");
    EXPECT_TRUE(row(b, "gi_running").changed);  // EXECUTING -> SUSPENDED
    EXPECT_TRUE(row(b, "gi_running").derived);
    EXPECT_EQ(row(b, "gi_exc_state.exc_type").value, "ZeroDivisionError");
    EXPECT_EQ(row(b, "gi_exc_state.exc_traceback").value, "NULL");

    StructBox running = struct_layout(r.seek(3), kGen, LayoutProfile::CPython37);
    EXPECT_EQ(row(running, "gi_running").value, "1");
    EXPECT_EQ(row(running, "gi_exc_state.exc_type").value, "NULL");

    StructBox frame = struct_layout(r.seek(7), kFrameFib, LayoutProfile::CPython37);
    EXPECT_EQ(names(frame), (std::vector<std::string>{"f_back", "f_code", "f_lasti", "f_lineno", "f_gen",
                                                      "f_localsplus[x]"}));
    EXPECT_EQ(row(frame, "f_lasti").value, "16");
    EXPECT_EQ(row(frame, "f_gen").target, kGen);
}

TEST(StructLayout, FinishedGeneratorHasNoFrame) {
    trace::Trace t = build_hand_trace();
    Replay r(t);
    trace::HeapState st = r.seek(8);
    for (auto& o : st.objects)
        if (o.id == kGen)
            for (auto& f : o.fields) {
                if (f.name == "gi_frame_state") f.value = Value::inline_text("FRAME_CLEARED");
                if (f.name == "gi_iframe") f.value = Value::null();
            }
    StructBox b311 = struct_layout(st, kGen, LayoutProfile::CPython311);
    EXPECT_EQ(row(b311, "gi_iframe").value, "NULL");
    EXPECT_EQ(b311.rows.back().field, "gi_iframe");
    StructBox b37 = struct_layout(st, kGen, LayoutProfile::CPython37);
    EXPECT_EQ(row(b37, "gi_frame").value, "NULL");
    EXPECT_EQ(row(b37, "gi_frame").target, 0u);
}

TEST(StructLayout, WhichObjectsGetBoxes) {
    trace::Trace t = build_hand_trace();
    Replay r(t);
    EXPECT_EQ(layout_objects(r.seek(7), LayoutProfile::CPython311), (std::vector<trace::ObjectId>{kGen, kFrameMod}));
    EXPECT_EQ(layout_objects(r.seek(7), LayoutProfile::CPython37),
              (std::vector<trace::ObjectId>{kGen, kFrameMod, kFrameFib}));
    EXPECT_EQ(embedding_generator(r.state(), kFrameFib), kGen);
    EXPECT_EQ(embedding_generator(r.state(), kFrameMod), 0u);
}

TEST(StructLayout, OtherObjectsShowTheirFields) {
    trace::Trace t = build_hand_trace();
    Replay r(t);
    StructBox b = struct_layout(r.seek(7), kExc, LayoutProfile::CPython311);
    EXPECT_EQ(names(b), (std::vector<std::string>{"args", "__traceback__", "__context__", "__cause__", "str"}));
    EXPECT_EQ(row(b, "args").points_to, "tuple");
    EXPECT_EQ(struct_layout(r.state(), 999, LayoutProfile::CPython311).id, 0u);
}

TEST(StructLayout, InlineFrameFieldsAreDrawnEmbedded) {
    // A VM may report the embedded frame as gi_iframe.* fields of the generator itself.
    trace::HeapState st;
    trace::ObjectState g;
    g.id = 5;
    g.type = "generator";
    g.refcount = 1;
    g.fields = {{"gi_name", Value::inline_text("'fib'")},
                {"gi_frame_state", Value::inline_text("FRAME_SUSPENDED")},
                {"gi_iframe.prev_instr", Value::integer(52)},
                {"gi_iframe.f_lineno", Value::integer(10)}};
    st.objects.push_back(g);
    StructBox b = struct_layout(st, 5, LayoutProfile::CPython311);
    EXPECT_EQ(names(b), (std::vector<std::string>{"gi_name", "gi_frame_state", "gi_iframe", "  prev_instr", "  f_lineno"}));
    EXPECT_EQ(row(b, "prev_instr").points_to, "f_lasti 52, line 10");
    StructBox b37 = struct_layout(st, 5, LayoutProfile::CPython37);
    EXPECT_EQ(row(b37, "gi_frame").value, "(frame)");
    EXPECT_EQ(row(b37, "gi_frame").points_to, "frame fib, f_lasti 52");
}

TEST(StructLayout, Profiles) {
    LayoutProfile p;
    ASSERT_TRUE(parse_profile("3.7", p));
    EXPECT_EQ(p, LayoutProfile::CPython37);
    ASSERT_TRUE(parse_profile("3.11", p));
    EXPECT_EQ(p, LayoutProfile::CPython311);
    EXPECT_FALSE(parse_profile("2.7", p));
    EXPECT_EQ(value_text(Value::integer(-1)), "-1");
    EXPECT_EQ(value_text(Value::pointer(12)), "#12");
    EXPECT_EQ(value_text(Value::null()), "NULL");
}

}  // namespace
}  // namespace ys::view
