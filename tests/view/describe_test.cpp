#include <gtest/gtest.h>

#include "trace/hand_trace.h"
#include "view/describe.h"

namespace ys::view {
namespace {

TEST(Describe, OneSentencePerStep) {
    trace::Trace t = ys::testing::build_hand_trace();
    trace::Replay r(t);
    EXPECT_EQ(describe_step(r.seek(3)), "fib is resumed by next(); next its exception state is pushed, then its frame runs (FRAME_EXECUTING).");
    EXPECT_EQ(describe_step(r.seek(7)),
              "fib yielded 1 at line 5 (f_lasti 16) while handling ZeroDivisionError: division by zero.");
    EXPECT_EQ(describe_step(r.seek(8)),
              "fib's exception state was saved: gi_exc_state.exc_value holds ZeroDivisionError: division by zero; "
              "it was popped off the thread's chain.");
    EXPECT_EQ(describe_step(r.seek(9)), "The program printed '1\\n'.");
    EXPECT_EQ(describe_step(r.seek(12)), "list #11 is deallocated by the cycle collector.");
    EXPECT_EQ(describe_step(r.seek(14)),
              "The cycle collector found 2 unreachable objects: list #11 (freed), list #12 (freed).");
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        std::string d = describe_step(r.seek(s));
        EXPECT_FALSE(d.empty());
        EXPECT_EQ(d.back(), '.') << d;
    }
}

TEST(Describe, ShortLabelsFit) {
#define YS_CHECK_LABEL(name, label) EXPECT_LE(std::string(event_short_label(trace::EventKind::name)).size(), 12u);
    YS_EVENT_KINDS(YS_CHECK_LABEL)
#undef YS_CHECK_LABEL
}

}  // namespace
}  // namespace ys::view
