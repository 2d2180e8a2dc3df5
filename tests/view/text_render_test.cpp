// Golden text of `yieldscope show` for the hand-built trace.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "trace/hand_trace.h"
#include "view/text_render.h"

namespace ys::view {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

void check_golden(const std::string& name, const std::string& text) {
    const std::string path = std::string(YS_GOLDEN_DIR) + "/" + name;
    if (std::getenv("YS_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << text;
        return;
    }
    std::string expected = read_file(path);
    EXPECT_EQ(text, expected) << "golden " << path << " differs; run with YS_UPDATE_GOLDEN=1 to regenerate";
}

size_t max_columns(const std::string& text) {
    size_t best = 0, cur = 0;
    for (unsigned char c : text) {
        if (c == '\n') {
            best = std::max(best, cur);
            cur = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++cur;
        }
    }
    return std::max(best, cur);
}

struct Case { const char* file; uint64_t step; TextView view; LayoutProfile profile; };

TEST(TextRender, GoldenOutputOfShow) {
    trace::Trace t = ys::testing::build_hand_trace();
    trace::Replay r(t);
    const Case cases[] = {
        {"hand_step7_layout_311.txt", 7, TextView::Layout, LayoutProfile::CPython311},
        {"hand_step7_layout_37.txt", 7, TextView::Layout, LayoutProfile::CPython37},
        {"hand_step4_frames.txt", 4, TextView::Frames, LayoutProfile::CPython311},
        {"hand_step9_frames.txt", 9, TextView::Frames, LayoutProfile::CPython311},
        {"hand_step10_heap.txt", 10, TextView::Heap, LayoutProfile::CPython311},
        {"hand_step4_exc.txt", 4, TextView::Exc, LayoutProfile::CPython311},
        {"hand_step8_exc.txt", 8, TextView::Exc, LayoutProfile::CPython311},
        {"hand_events.txt", 0, TextView::Events, LayoutProfile::CPython311},
    };
    for (const auto& c : cases) {
        TextOptions o;
        o.profile = c.profile;
        std::string text = render_step(r, c.step, c.view, o);
        check_golden(c.file, text);
        EXPECT_LE(max_columns(text), 100u) << c.file;
    }
}

TEST(TextRender, ColorMarksChangedCells) {
    trace::Trace t = ys::testing::build_hand_trace();
    trace::Replay r(t);
    TextOptions o;
    o.color = true;
    std::string text = render_step(r, 7, TextView::Layout, o);
    EXPECT_NE(text.find("\x1b[31m"), std::string::npos);
    o.color = false;
    EXPECT_EQ(render_step(r, 7, TextView::Layout, o).find("\x1b["), std::string::npos);
}

TEST(TextRender, EveryStepAndViewRendersWithinTheWidth) {
    trace::Trace t = ys::testing::build_hand_trace();
    trace::Replay r(t);
    for (uint64_t s = 0; s < t.step_count(); ++s)
        for (TextView v : {TextView::Layout, TextView::Frames, TextView::Heap, TextView::Exc})
            for (LayoutProfile p : {LayoutProfile::CPython311, LayoutProfile::CPython37}) {
                TextOptions o;
                o.profile = p;
                EXPECT_LE(max_columns(render_step(r, s, v, o)), 100u) << s;
            }
    trace::Trace empty;
    trace::Replay re(empty);
    EXPECT_EQ(render_step(re, 0, TextView::Layout, TextOptions{}), "(empty trace)\n");
}

}  // namespace
}  // namespace ys::view
