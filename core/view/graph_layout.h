// Heap-graph placement with stable positions. Every object ever alive in a trace gets a
// slot for its whole lifetime, chosen from the trace as a whole (not from the step being
// shown), so an object never moves while it lives and the picture at step N is the same
// whether N was reached forward, backward or by a jump. Objects whose lifetimes do not
// overlap may share a slot. Slots live in lanes (a band per family of objects: roots,
// frames, generators, exceptions, everything else), each band a grid.
#pragma once

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "view/geometry.h"

namespace ys::view {

struct NodeLifetime {
    uint64_t id = 0;
    int lane = 0;                 // 0 .. lanes-1
    int64_t born = 0;             // first step at which the object is alive
    int64_t died = std::numeric_limits<int64_t>::max();  // first step at which it is not
};

struct Slot {
    int lane = 0;
    int index = 0;
    bool operator==(const Slot&) const = default;
};

struct GraphOptions {
    float node_w = 170.0f;
    float node_h = 40.0f;
    float gap_x = 36.0f;
    float gap_y = 30.0f;
    float lane_gap = 40.0f;       // extra space between bands
    int columns = 6;              // slots per grid row in every band
};

class StableGraphLayout {
public:
    StableGraphLayout() = default;
    // Greedy interval colouring per lane, objects taken in order of birth (ties by id):
    // each takes the lowest slot free at its birth.
    StableGraphLayout(std::vector<NodeLifetime> lifetimes, int lanes);

    bool has(uint64_t id) const { return slots_.count(id) != 0; }
    Slot slot(uint64_t id) const;              // {lane, -1} style fallback: lane 0, index -1 if unknown
    int slots_in_lane(int lane) const;         // how many slots the lane needs over the trace
    int lanes() const { return static_cast<int>(lane_slots_.size()); }

    // Pixel rectangle of a slot; bands are stacked top to bottom in lane order.
    Rect rect(Slot slot, const GraphOptions& options) const;
    Rect rect(uint64_t id, const GraphOptions& options) const { return rect(slot(id), options); }
    float lane_top(int lane, const GraphOptions& options) const;
    Vec2 size(const GraphOptions& options) const;

    // Adds an object seen at run time that the lifetimes did not list (e.g. a hand-built
    // state): it takes a fresh slot at the end of its lane.
    Slot add(uint64_t id, int lane);

private:
    std::unordered_map<uint64_t, Slot> slots_;
    std::vector<int> lane_slots_;
};

// An edge between two node rectangles: a quadratic-looking cubic curve from border to
// border; `bend` > 0 bows it sideways (used when two nodes point at each other so the
// two edges do not overlap, and for edges between nodes of the same grid row).
struct EdgeGeometry {
    Vec2 p0, c1, c2, p1;
};
EdgeGeometry route_edge(const Rect& from, const Rect& to, float bend);
// A self-reference: a small loop on the node's top-right corner.
EdgeGeometry self_loop(const Rect& node);

}  // namespace ys::view
