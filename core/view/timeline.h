// Timeline geometry and navigation: which event kinds fall in each pixel column of the
// scrubber, the step under a pixel, and the next / previous step of a chosen set of
// kinds. Built once per trace (one sorted list of steps per kind) so that binning a
// million-step trace into a strip of pixels and jumping between events stay cheap.
#pragma once

#include <cstdint>
#include <vector>

namespace ys::view {

using KindMask = uint64_t;   // bit k set = event kind k (kinds are small integers < 64)

inline KindMask kind_bit(int kind) { return kind >= 0 && kind < 64 ? KindMask{1} << kind : 0; }

class TimelineIndex {
public:
    TimelineIndex() = default;
    // kinds[s] = the event kind that closes step s.
    explicit TimelineIndex(const std::vector<uint8_t>& kinds);

    int64_t steps() const { return steps_; }
    int64_t count(int kind) const;
    KindMask present() const { return present_; }   // kinds that occur at all

    // First step > `step` (or last step < `step`) whose kind is in `mask`; -1 if none.
    int64_t next_of(int64_t step, KindMask mask) const;
    int64_t prev_of(int64_t step, KindMask mask) const;

    // For each of `width` pixel columns covering steps [first, last), the kinds (within
    // `mask`) of the steps in that column.
    std::vector<KindMask> bins(int64_t first, int64_t last, int width, KindMask mask) const;

private:
    int64_t steps_ = 0;
    KindMask present_ = 0;
    std::vector<std::vector<int64_t>> by_kind_;   // 64 sorted lists
};

// Step range [first, last) of pixel column `column` when `width` columns cover [first, last).
struct StepRange {
    int64_t first = 0;
    int64_t last = 0;
};
StepRange bin_range(int64_t first, int64_t last, int width, int column);
// The step under horizontal position x (0 .. width) and the x of a step's centre.
int64_t step_at(float x, float width, int64_t first, int64_t last);
float step_x(int64_t step, float width, int64_t first, int64_t last);

// Level 2: the virtual clock along the timeline. A change is the first step at which
// the clock shows a new value; a trace whose clock never leaves 0 has none.
struct ClockChange {
    int64_t step = 0;
    double time = 0;
    bool operator==(const ClockChange&) const = default;
};
void add_clock_reading(std::vector<ClockChange>& changes, int64_t step, double time);
// Where to label the clock under a scrubber `width` pixels wide covering `steps` steps:
// one label per change, left to right, skipping any closer than `min_gap` pixels to
// the previous label drawn.
struct ClockLabel {
    float x = 0;
    double time = 0;
    int64_t step = 0;
};
std::vector<ClockLabel> clock_labels(const std::vector<ClockChange>& changes, int64_t steps, float width, float min_gap);
// The clock at `step` (0 before the first change).
double clock_at(const std::vector<ClockChange>& changes, int64_t step);

// Of the kinds in `mask`, the first one listed in `priority` (e.g. the rarest or most
// telling); -1 when `mask` is empty. Kinds absent from `priority` come after it, lowest first.
int pick_kind(KindMask mask, const std::vector<int>& priority);

}  // namespace ys::view
