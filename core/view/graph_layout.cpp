#include "view/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace ys::view {

StableGraphLayout::StableGraphLayout(std::vector<NodeLifetime> lifetimes, int lanes) {
    lane_slots_.assign(static_cast<size_t>(std::max(lanes, 1)), 0);
    std::sort(lifetimes.begin(), lifetimes.end(), [](const NodeLifetime& a, const NodeLifetime& b) {
        return a.born != b.born ? a.born < b.born : a.id < b.id;
    });
    // One lane at a time: slots free for reuse, and busy slots ordered by the step at
    // which they free up.
    for (size_t lane = 0; lane < lane_slots_.size(); ++lane) {
        std::set<int> free;
        std::set<std::pair<int64_t, int>> busy;
        for (const auto& life : lifetimes) {
            if (static_cast<size_t>(std::clamp(life.lane, 0, static_cast<int>(lane_slots_.size()) - 1)) != lane)
                continue;
            while (!busy.empty() && busy.begin()->first <= life.born) {
                free.insert(busy.begin()->second);
                busy.erase(busy.begin());
            }
            int index;
            if (!free.empty()) {
                index = *free.begin();
                free.erase(free.begin());
            } else {
                index = lane_slots_[lane]++;
            }
            busy.insert({life.died, index});
            slots_[life.id] = {static_cast<int>(lane), index};
        }
    }
}

Slot StableGraphLayout::slot(uint64_t id) const {
    auto it = slots_.find(id);
    return it == slots_.end() ? Slot{0, -1} : it->second;
}

int StableGraphLayout::slots_in_lane(int lane) const {
    return lane >= 0 && lane < lanes() ? lane_slots_[static_cast<size_t>(lane)] : 0;
}

Slot StableGraphLayout::add(uint64_t id, int lane) {
    if (auto it = slots_.find(id); it != slots_.end()) return it->second;
    if (lane_slots_.empty()) lane_slots_.push_back(0);
    lane = std::clamp(lane, 0, lanes() - 1);
    Slot s{lane, lane_slots_[static_cast<size_t>(lane)]++};
    slots_[id] = s;
    return s;
}

static int rows_for(int slots, int columns) { return slots == 0 ? 0 : (slots + columns - 1) / columns; }

float StableGraphLayout::lane_top(int lane, const GraphOptions& o) const {
    float y = 0;
    const int cols = std::max(o.columns, 1);
    for (int l = 0; l < lane && l < lanes(); ++l) {
        const int rows = rows_for(lane_slots_[static_cast<size_t>(l)], cols);
        if (rows == 0) continue;
        y += static_cast<float>(rows) * (o.node_h + o.gap_y) + o.lane_gap;
    }
    return y;
}

Rect StableGraphLayout::rect(Slot s, const GraphOptions& o) const {
    const int cols = std::max(o.columns, 1);
    const int index = std::max(s.index, 0);
    const float x = static_cast<float>(index % cols) * (o.node_w + o.gap_x);
    const float y = lane_top(s.lane, o) + static_cast<float>(index / cols) * (o.node_h + o.gap_y);
    return {x, y, o.node_w, o.node_h};
}

Vec2 StableGraphLayout::size(const GraphOptions& o) const {
    const int cols = std::max(o.columns, 1);
    int used_cols = 0;
    for (int n : lane_slots_) used_cols = std::max(used_cols, std::min(n, cols));
    return {static_cast<float>(used_cols) * (o.node_w + o.gap_x), lane_top(lanes(), o)};
}

EdgeGeometry route_edge(const Rect& from, const Rect& to, float bend) {
    const Vec2 a = from.center(), b = to.center();
    float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    Vec2 normal{0, 0};
    if (len > 0) normal = {dy / len, -dx / len};   // left-to-right edges bow upward
    // Same grid row: bow the edge upward so it does not run through the nodes between.
    float bow = bend;
    if (std::abs(dy) < 1.0f && std::abs(dx) > from.w * 1.5f) bow += std::min(len * 0.25f, 80.0f);
    const Vec2 mid{(a.x + b.x) / 2 + normal.x * bow, (a.y + b.y) / 2 + normal.y * bow};
    EdgeGeometry e;
    e.p0 = clip_to_rect(mid, from);
    e.p1 = clip_to_rect(mid, to);
    e.c1 = {e.p0.x + (mid.x - e.p0.x) * 0.66f, e.p0.y + (mid.y - e.p0.y) * 0.66f};
    e.c2 = {e.p1.x + (mid.x - e.p1.x) * 0.66f, e.p1.y + (mid.y - e.p1.y) * 0.66f};
    return e;
}

EdgeGeometry self_loop(const Rect& n) {
    EdgeGeometry e;
    e.p0 = {n.right() - n.w * 0.25f, n.y};
    e.p1 = {n.right(), n.y + n.h * 0.35f};
    e.c1 = {e.p0.x, n.y - 28};
    e.c2 = {n.right() + 28, e.p1.y};
    return e;
}

}  // namespace ys::view
