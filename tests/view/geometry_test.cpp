// Diagram geometry: box sizes, rows, columns and arrow routes, without a display.
#include <gtest/gtest.h>

#include "view/geometry.h"

namespace ys::view {
namespace {

const TextMetrics kMetrics{10.0f, 20.0f};

BoxSpec gen_box() {
    BoxSpec b;
    b.id = 1;
    b.title = "generator fib";
    b.subtitle = "refcount 2";
    b.rows = {{"gi_frame_state", "FRAME_SUSPENDED", "", 0, true, 0},
              {"gi_iframe", "0x2", "frame fib", 2, false, 0},
              {"gi_name", "'fib'", "", 0, false, 0}};
    return b;
}

BoxSpec frame_box(uint64_t id, uint64_t points_to = 0) {
    BoxSpec b;
    b.id = id;
    b.title = "frame";
    b.rows = {{"f_code", "", "code fib", points_to, false, 0}, {"prev_instr", "52", "", 0, false, 0}};
    return b;
}

TEST(Geometry, Utf8LengthCountsCodePoints) {
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("\xE2\x96\xB6 x"), 3u);  // "▶ x"
    EXPECT_FLOAT_EQ(text_width("abcd", kMetrics), 40.0f);
}

TEST(Geometry, ElideCutsWithEllipsis) {
    EXPECT_EQ(elide("short", 10), "short");
    EXPECT_EQ(elide("abcdefghij", 5), "abcd\xE2\x80\xA6");
    EXPECT_EQ(utf8_length(elide("abcdefghij", 5)), 5u);
    EXPECT_EQ(elide("x", 0), "");
}

TEST(Geometry, BoxColumnsFitTheLongestTexts) {
    DiagramOptions o;
    BoxGeometry b = measure_box(gen_box(), kMetrics, o);
    ASSERT_EQ(b.rows.size(), 3u);
    // field column: "gi_frame_state" = 14 chars + padding 8
    EXPECT_FLOAT_EQ(b.rows[0].field.w, 14 * 10 + 8);
    // value column: "FRAME_SUSPENDED" = 15 chars
    EXPECT_FLOAT_EQ(b.rows[0].value.w, 15 * 10 + 8);
    EXPECT_FLOAT_EQ(b.rows[0].target.w, 9 * 10 + 8);
    EXPECT_FLOAT_EQ(b.frame.w, b.rows[0].field.w + b.rows[0].value.w + b.rows[0].target.w);
    // title bar plus three rows, each line height + padding
    EXPECT_FLOAT_EQ(b.frame.h, 4 * 28);
    // rows are stacked under the title, cells side by side
    EXPECT_FLOAT_EQ(b.rows[1].row.y, 2 * 28);
    EXPECT_FLOAT_EQ(b.rows[1].value.x, b.rows[1].field.right());
    EXPECT_FLOAT_EQ(b.rows[1].anchor.x, b.frame.right());
    EXPECT_FLOAT_EQ(b.rows[1].anchor.y, b.rows[1].row.center().y);
}

TEST(Geometry, WideTitleWidensTheBox) {
    BoxSpec b;
    b.id = 9;
    b.title = std::string(60, 'x');
    b.rows = {{"a", "1", "", 0, false, 0}};
    DiagramOptions o;
    o.max_cell_chars = 80;
    BoxGeometry g = measure_box(b, kMetrics, o);
    EXPECT_GE(g.frame.w, 60 * 10);
    // Titles are capped like cells.
    o.max_cell_chars = 40;
    EXPECT_FLOAT_EQ(measure_box(b, kMetrics, o).frame.w, 40 * 10 + 8);
    EXPECT_FLOAT_EQ(g.rows[0].target.right(), g.frame.right());
}

TEST(Geometry, LongCellsAreCappedAtMaxChars) {
    BoxSpec b;
    b.id = 9;
    b.rows = {{"a", std::string(200, 'v'), "", 0, false, 0}};
    DiagramOptions o;
    o.max_cell_chars = 20;
    BoxGeometry g = measure_box(b, kMetrics, o);
    EXPECT_FLOAT_EQ(g.rows[0].value.w, 20 * 10 + 8);
}

TEST(Geometry, PointedToBoxesGoInTheNextColumn) {
    std::vector<BoxSpec> specs{gen_box(), frame_box(2, 3), frame_box(3)};
    DiagramGeometry d = layout_diagram(specs, kMetrics);
    ASSERT_EQ(d.boxes.size(), 3u);
    EXPECT_EQ(d.boxes[0].column, 0);
    EXPECT_EQ(d.boxes[1].column, 1);
    EXPECT_EQ(d.boxes[2].column, 2);
    EXPECT_GT(d.boxes[1].frame.x, d.boxes[0].frame.right());
    EXPECT_GT(d.boxes[2].frame.x, d.boxes[1].frame.right());
    // The target sits level with the row pointing at it.
    EXPECT_FLOAT_EQ(d.boxes[1].title.center().y, d.boxes[0].rows[1].anchor.y);
    ASSERT_EQ(d.arrows.size(), 2u);
    const ArrowGeometry& a = d.arrows[0];
    EXPECT_EQ(a.from_box, 1u);
    EXPECT_EQ(a.to_box, 2u);
    EXPECT_FALSE(a.backward);
    EXPECT_EQ(a.p0, d.boxes[0].rows[1].anchor);
    EXPECT_FLOAT_EQ(a.p1.x, d.boxes[1].frame.x);
    EXPECT_FLOAT_EQ(a.p1.y, d.boxes[1].title.center().y);
    EXPECT_GE(d.size.x, d.boxes[2].frame.right());
}

TEST(Geometry, BoxesOfAColumnDoNotOverlap) {
    std::vector<BoxSpec> specs;
    for (uint64_t id = 1; id <= 5; ++id) specs.push_back(frame_box(id));
    DiagramGeometry d = layout_diagram(specs, kMetrics);
    for (size_t i = 0; i < d.boxes.size(); ++i)
        for (size_t j = i + 1; j < d.boxes.size(); ++j)
            EXPECT_FALSE(d.boxes[i].frame.overlaps(d.boxes[j].frame)) << i << " " << j;
    EXPECT_GT(d.boxes[1].frame.y, d.boxes[0].frame.bottom());
}

TEST(Geometry, ArrowsBackToTheLeftAreRoutedAroundTheRight) {
    // 1 -> 2 -> 1: a cycle, as between a generator and its frame in 3.7.
    BoxSpec a = frame_box(1, 2), b = frame_box(2, 1);
    DiagramGeometry d = layout_diagram({a, b}, kMetrics);
    ASSERT_EQ(d.arrows.size(), 2u);
    const ArrowGeometry& back = d.arrows[1];
    EXPECT_TRUE(back.backward);
    EXPECT_FLOAT_EQ(back.p1.x, d.boxes[0].frame.right());
    EXPECT_GT(back.c1.x, back.p0.x);
    EXPECT_GE(d.size.x, back.c1.x);
}

TEST(Geometry, SelfPointerAndMissingTargets) {
    BoxSpec a = frame_box(1, 1);
    a.rows.push_back({"x", "", "", 77, false, 0});   // target not in the diagram: no arrow
    DiagramGeometry d = layout_diagram({a}, kMetrics);
    ASSERT_EQ(d.arrows.size(), 1u);
    EXPECT_TRUE(d.arrows[0].backward);
    EXPECT_EQ(d.find(1), &d.boxes[0]);
    EXPECT_EQ(d.find(77), nullptr);
}

TEST(Geometry, ClipToRectLandsOnTheBorder) {
    Rect r{0, 0, 100, 50};
    Vec2 p = clip_to_rect({300, 25}, r);
    EXPECT_FLOAT_EQ(p.x, 100);
    EXPECT_FLOAT_EQ(p.y, 25);
    p = clip_to_rect({50, -100}, r);
    EXPECT_FLOAT_EQ(p.x, 50);
    EXPECT_FLOAT_EQ(p.y, 0);
    p = clip_to_rect({10, 10}, r);   // inside: unchanged
    EXPECT_FLOAT_EQ(p.x, 10);
}

TEST(Geometry, LayoutIsDeterministic) {
    std::vector<BoxSpec> specs{gen_box(), frame_box(2, 3), frame_box(3)};
    DiagramGeometry a = layout_diagram(specs, kMetrics), b = layout_diagram(specs, kMetrics);
    for (size_t i = 0; i < a.boxes.size(); ++i) {
        EXPECT_EQ(a.boxes[i].frame.x, b.boxes[i].frame.x);
        EXPECT_EQ(a.boxes[i].frame.y, b.boxes[i].frame.y);
    }
}

}  // namespace
}  // namespace ys::view
