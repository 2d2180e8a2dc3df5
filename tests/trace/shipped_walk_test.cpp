// Every shipped trace (traces/**) can be stepped end to end, forward and backward, and
// every view draws each step: the text views `show` prints (the GUI's panels are built
// from the same core/view models) at every step, the heap every few steps. A view
// that throws, or a state that differs when reached backward, fails here rather than
// in a classroom.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "trace/replay.h"
#include "trace/trace_io.h"
#include "view/event_loop.h"
#include "view/struct_layout.h"
#include "view/text_render.h"

namespace ys::trace {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shipped_traces() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(YS_SOURCE_DIR) / "traces"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(ShippedTraces, EveryStepDrawsInEveryView) {
    const auto files = shipped_traces();
    ASSERT_GE(files.size(), 11u);
    for (const auto& path : files) {
        SCOPED_TRACE(path.string());
        const Trace t = load_trace(path);
        ASSERT_GT(t.step_count(), 2u);
        Replay r(t);
        const bool level2 = path.parent_path().filename() == "level2";
        for (uint64_t s = 0; s < t.step_count(); ++s) {
            for (view::TextView v : {view::TextView::Layout, view::TextView::Frames, view::TextView::Exc})
                EXPECT_FALSE(view::render_step(r, s, v, view::TextOptions{}).empty()) << s;
            if (level2) {
                EXPECT_FALSE(view::render_step(r, s, view::TextView::Loop, view::TextOptions{}).empty()) << s;
            }
            if (s % 97 == 0) {
                EXPECT_FALSE(view::render_step(r, s, view::TextView::Heap, view::TextOptions{}).empty()) << s;
            }
        }
    }
}

TEST(ShippedTraces, BackwardGivesTheSameStatesAsForward) {
    for (const auto& path : shipped_traces()) {
        SCOPED_TRACE(path.string());
        const Trace t = load_trace(path);
        Replay forward(t), backward(t);
        backward.seek(t.step_count() - 1);
        const uint64_t stride = std::max<uint64_t>(1, t.step_count() / 60);
        for (uint64_t s = t.step_count(); s-- > 0;) {
            if (s % stride) continue;
            const HeapState& b = backward.seek(s);
            const auto b_layout = view::layout_objects(b, view::LayoutProfile::CPython311);
            const size_t b_objects = b.objects.size();
            const std::string b_output(b.output);
            const HeapState& f = forward.seek(s);
            EXPECT_EQ(f.objects.size(), b_objects) << s;
            EXPECT_EQ(view::layout_objects(f, view::LayoutProfile::CPython311), b_layout) << s;
            EXPECT_EQ(std::string(f.output), b_output) << s;
        }
    }
}

}  // namespace
}  // namespace ys::trace
