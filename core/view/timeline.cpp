#include "view/timeline.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace ys::view {

TimelineIndex::TimelineIndex(const std::vector<uint8_t>& kinds) : by_kind_(64) {
    steps_ = static_cast<int64_t>(kinds.size());
    for (int64_t s = 0; s < steps_; ++s) {
        const uint8_t k = kinds[static_cast<size_t>(s)];
        if (k >= 64) continue;
        by_kind_[k].push_back(s);
        present_ |= kind_bit(k);
    }
}

int64_t TimelineIndex::count(int kind) const {
    if (kind < 0 || kind >= 64 || by_kind_.empty()) return 0;
    return static_cast<int64_t>(by_kind_[static_cast<size_t>(kind)].size());
}

int64_t TimelineIndex::next_of(int64_t step, KindMask mask) const {
    int64_t best = -1;
    for (int k = 0; k < 64 && !by_kind_.empty(); ++k) {
        if (!(mask & kind_bit(k))) continue;
        const auto& v = by_kind_[static_cast<size_t>(k)];
        auto it = std::upper_bound(v.begin(), v.end(), step);
        if (it != v.end() && (best < 0 || *it < best)) best = *it;
    }
    return best;
}

int64_t TimelineIndex::prev_of(int64_t step, KindMask mask) const {
    int64_t best = -1;
    for (int k = 0; k < 64 && !by_kind_.empty(); ++k) {
        if (!(mask & kind_bit(k))) continue;
        const auto& v = by_kind_[static_cast<size_t>(k)];
        auto it = std::lower_bound(v.begin(), v.end(), step);
        if (it != v.begin()) {
            const int64_t s = *std::prev(it);
            if (s > best) best = s;
        }
    }
    return best;
}

StepRange bin_range(int64_t first, int64_t last, int width, int column) {
    if (width <= 0 || last <= first) return {first, first};
    const int64_t span = last - first;
    auto edge = [&](int64_t c) { return first + (span * c) / width; };
    StepRange r{edge(column), edge(column + 1)};
    if (r.last <= r.first) r.last = r.first + 1;   // more pixels than steps: one step each
    if (r.last > last) r.last = last;
    return r;
}

std::vector<KindMask> TimelineIndex::bins(int64_t first, int64_t last, int width, KindMask mask) const {
    std::vector<KindMask> out(static_cast<size_t>(std::max(width, 0)), 0);
    if (width <= 0 || last <= first || by_kind_.empty()) return out;
    for (int k = 0; k < 64; ++k) {
        if (!(mask & kind_bit(k))) continue;
        const auto& v = by_kind_[static_cast<size_t>(k)];
        if (v.empty()) continue;
        // Walk columns and the step list together; skip ahead with binary search.
        auto it = std::lower_bound(v.begin(), v.end(), first);
        for (int c = 0; c < width && it != v.end(); ++c) {
            const StepRange r = bin_range(first, last, width, c);
            if (*it >= last) break;
            if (*it < r.first) it = std::lower_bound(it, v.end(), r.first);
            if (it == v.end()) break;
            if (*it < r.last) out[static_cast<size_t>(c)] |= kind_bit(k);
        }
    }
    return out;
}

int64_t step_at(float x, float width, int64_t first, int64_t last) {
    if (last <= first) return first;
    if (width <= 0) return first;
    const double t = std::clamp(static_cast<double>(x) / static_cast<double>(width), 0.0, 1.0);
    const int64_t s = first + static_cast<int64_t>(std::floor(t * static_cast<double>(last - first)));
    return std::clamp(s, first, last - 1);
}

float step_x(int64_t step, float width, int64_t first, int64_t last) {
    if (last <= first) return 0;
    return static_cast<float>((static_cast<double>(step - first) + 0.5) / static_cast<double>(last - first) *
                              static_cast<double>(width));
}

void add_clock_reading(std::vector<ClockChange>& changes, int64_t step, double time) {
    const double last = changes.empty() ? 0.0 : changes.back().time;
    if (time != last) changes.push_back({step, time});
}

std::vector<ClockLabel> clock_labels(const std::vector<ClockChange>& changes, int64_t steps, float width,
                                     float min_gap) {
    std::vector<ClockLabel> out;
    if (steps <= 0 || width <= 0) return out;
    float last_x = -1e9f;
    for (const ClockChange& c : changes) {
        const float x = step_x(c.step, width, 0, steps);
        if (x - last_x < min_gap) continue;
        out.push_back({x, c.time, c.step});
        last_x = x;
    }
    return out;
}

double clock_at(const std::vector<ClockChange>& changes, int64_t step) {
    auto it = std::upper_bound(changes.begin(), changes.end(), step,
                               [](int64_t s, const ClockChange& c) { return s < c.step; });
    return it == changes.begin() ? 0.0 : std::prev(it)->time;
}

int pick_kind(KindMask mask, const std::vector<int>& priority) {
    if (!mask) return -1;
    for (int k : priority)
        if (mask & kind_bit(k)) return k;
    for (int k = 0; k < 64; ++k)
        if (mask & kind_bit(k)) return k;
    return -1;
}

}  // namespace ys::view
