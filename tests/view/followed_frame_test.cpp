// The frame the Source and Bytecode panels follow: at a yield, the generator's frame
// (whose line and f_lasti the event carries), whichever frame the event was reported from.
#include <gtest/gtest.h>

#include "trace/hand_trace.h"
#include "trace/replay.h"
#include "trace/trace_io.h"
#include "view/followed_frame.h"

namespace ys::view {
namespace {

TEST(FollowedFrame, YieldFollowsTheGeneratorFrameInTheHandTrace) {
    const trace::Trace t = testing::build_hand_trace();
    trace::Replay replay(t);
    const uint64_t yield = t.find_next(trace::EventKind::GenYield, 0);
    ASSERT_LT(yield, t.step_count());
    const FollowedFrame f = followed_frame(replay.seek(yield));
    EXPECT_EQ(f.frame, testing::kFrameFib);
    EXPECT_EQ(f.code, testing::kCodeFib);
    EXPECT_EQ(f.line, 5);
    EXPECT_EQ(f.lasti, 16);
}

TEST(FollowedFrame, StartOfProgramHasNoFrameOrTheModule) {
    const trace::Trace t = testing::build_hand_trace();
    trace::Replay replay(t);
    const FollowedFrame f = followed_frame(replay.seek(1));
    EXPECT_EQ(f.frame, testing::kFrameMod);
    EXPECT_EQ(f.code, testing::kCodeMod);
}

// The recorded fib example: a yield happens in the generator's own frame (detached from
// the stack by then); at every yield the listing must be fib's, with the event's
// frame, f_lasti and line.
TEST(FollowedFrame, RecordedYieldsFollowTheGenerator) {
    const trace::Trace t = trace::load_trace(std::string(YS_SOURCE_DIR) + "/traces/fib.json");
    trace::Replay replay(t);
    int yields = 0;
    for (uint64_t s = t.find_next(trace::EventKind::GenYield, 0); s < t.step_count();
         s = t.find_next(trace::EventKind::GenYield, s + 1)) {
        const trace::HeapState& st = replay.seek(s);
        const FollowedFrame f = followed_frame(st);
        EXPECT_EQ(f.name, "fib") << "step " << s;
        EXPECT_EQ(f.frame, st.event.frame) << "step " << s;
        EXPECT_EQ(f.lasti, st.event.lasti) << "step " << s;
        EXPECT_EQ(f.line, st.event.line) << "step " << s;
        const CodeObject* code = t.code(f.code);
        ASSERT_NE(code, nullptr) << "step " << s;
        EXPECT_EQ(code->co_name, "fib");
        ++yields;
    }
    EXPECT_GT(yields, 5);
}

}  // namespace
}  // namespace ys::view
