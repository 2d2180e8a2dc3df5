// Questions about one heap state: which objects form reference cycles, which are
// garbage kept alive only by a cycle (unreachable from the roots but not freed), and
// why a chosen object is alive (a path of references from a root).
//
// The reference graph: one edge per Ref-valued field of a live object to a live object
// (except borrowed pointers, see is_borrowed_field).
// Roots: the thread state, every module, and the frames on the stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trace/replay.h"

namespace ys::trace {

std::vector<ObjectId> heap_roots(const HeapState& state);

// Fields that hold a borrowed pointer, not a reference: the thread's `exc_info` and
// `cframe.current_frame`, a frame's `previous`, an exception-state item's
// `previous_item`. They are not edges of the reference graph (CPython's collector does
// not traverse them either).
bool is_borrowed_field(std::string_view field);

// Strongly connected components with more than one object, or one object that refers to
// itself: the reference cycles. Each component sorted by id; components by first id.
std::vector<std::vector<ObjectId>> reference_cycles(const HeapState& state);

// Live objects not reachable from any root, sorted by id.
std::vector<ObjectId> unreachable_alive(const HeapState& state);

struct PathLink {
    ObjectId object = 0;
    std::string field;   // the field of `object` that points to the next link ("" on the last)
};
// A shortest path root -> ... -> target (first link a root, last the target itself);
// nullopt when the target is not alive or not reachable from a root.
std::optional<std::vector<PathLink>> why_alive(const HeapState& state, ObjectId target);

// Everything the heap views need, computed once per state.
struct HeapAnalysis {
    std::vector<ObjectId> roots;
    std::vector<std::vector<ObjectId>> cycles;
    std::vector<ObjectId> unreachable;
    // Index into `cycles` for an object, or -1.
    int cycle_of(ObjectId id) const;
    bool is_unreachable(ObjectId id) const;
};
HeapAnalysis analyze_heap(const HeapState& state);

}  // namespace ys::trace
