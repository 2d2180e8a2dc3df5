// Replay: the full heap state at any step of a trace, forward or backward.
//
// State at step n = the state after applying the changes of steps 0..n (step n's changes
// came before its event). Replay keeps a keyframe (a full copy of the state) every so
// many changes; seek(n) starts from the nearest keyframe at or before n (or from the
// current position when that is closer going forward) and applies the changes after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trace/trace.h"

namespace ys::trace {

struct FieldState {
    std::string name;
    Value value;
    bool operator==(const FieldState&) const = default;
};

struct ObjectState {
    ObjectId id = 0;
    std::string type;          // CPython's type name: "generator", "frame", "list", ...
    int64_t refcount = 0;
    std::vector<FieldState> fields;   // in the order they were first set

    const Value* field(std::string_view name) const;     // null when the field was never set
    ObjectId ref(std::string_view name) const;           // the field's pointer target, or 0
    std::string text(std::string_view name) const;      // Text field's repr, or ""
    int64_t integer(std::string_view name, int64_t fallback = -1) const;
    bool operator==(const ObjectState&) const = default;
};

struct FieldChange {
    ObjectId object = 0;
    std::string field;
    Value before;              // Null when the field did not exist before this step
    Value after;               // Null when removed
    bool removed = false;      // the object no longer has the field (a `remove` change)
};

struct RefcountChange {
    ObjectId object = 0;
    int64_t before = 0;
    int64_t after = 0;
};

// What changed in one step (the step's own changes, net: a field set twice appears once).
struct StepDiff {
    std::vector<ObjectId> created;
    std::vector<ObjectState> freed;   // as they were just before being freed
    std::vector<FieldChange> fields;
    std::vector<RefcountChange> refcounts;

    bool created_here(ObjectId id) const;
    bool freed_here(ObjectId id) const;
    bool field_changed(ObjectId id, std::string_view field) const;
    bool refcount_changed(ObjectId id) const;
};

struct FrameInfo {
    ObjectId frame = 0;
    ObjectId code = 0;         // f_code
    ObjectId generator = 0;    // the generator / coroutine that embeds it, or 0
    std::string name;          // the code object's co_qualname (or co_name)
    int line = -1;             // f_lineno
    int lasti = -1;            // prev_instr (f_lasti in bytes)
    bool suspended = false;    // owned by a generator and linked to no caller
};

// One item of the thread's exception-info chain, top first.
struct ExcItem {
    ObjectId owner = 0;        // the generator / coroutine whose gi_exc_state it is, or the thread state
    Value exc_value;           // Null when the item holds no exception
};

class Replay;

struct HeapState {
    uint64_t step = 0;
    const Replay* replay = nullptr;       // the replay this state came from (for freed objects' types)
    Event event;                          // this step's event
    std::vector<ObjectState> objects;     // every live object, sorted by id

    ObjectId thread_state = 0;            // the PyThreadState object (0 before it exists)
    std::vector<FrameInfo> frame_stack;   // from cframe.current_frame along `previous`, innermost first
    std::vector<FrameInfo> suspended_frames;  // generator frames not on the stack (and not cleared)
    std::vector<ExcItem> exc_chain;       // from the thread's exc_info along previous_item
    std::string_view output;              // everything written to stdout/stderr up to this step
    StepDiff diff;                        // what this step changed

    const ObjectState* find(ObjectId id) const;
    bool alive(ObjectId id) const { return find(id) != nullptr; }
    // "generator fib", "frame fib", "list", "ZeroDivisionError": a short name for a box title;
    // "list #11 (freed)" for an object that is no longer alive.
    std::string label(ObjectId id) const;
    // The code object name behind a frame / generator / function / code object, or "".
    std::string code_name(ObjectId id) const;
};

// Generator-like object kinds and their field prefix ("gi_", "cr_", "ag_"); "" if not one.
std::string_view gen_prefix(std::string_view type_name);
bool is_frame_type(std::string_view type_name);

struct ReplayOptions {
    // A keyframe is taken once this many changes have been applied since the last one
    // (raised automatically for big heaps, so keyframe memory stays proportional to
    // the changes, not to steps x heap size).
    uint64_t keyframe_changes = 4096;
};

class Replay {
public:
    explicit Replay(const Trace& trace, ReplayOptions options = {});

    const Trace& trace() const { return *trace_; }
    uint64_t step_count() const { return trace_->step_count(); }
    // The state at `step` (clamped to the last step). The reference stays valid until the
    // next seek. An empty trace gives an empty state at step 0.
    const HeapState& seek(uint64_t step);
    const HeapState& state() const { return state_; }
    uint64_t position() const { return state_.step; }
    size_t keyframe_count() const { return keyframes_.size(); }
    // The type name an object was created with, alive or not ("" if never created).
    std::string_view type_ever(ObjectId id) const;
    // Bytes held by keyframes and the output index (for the benchmark).
    size_t memory_bytes() const;

private:
    struct Keyframe {
        uint64_t step;                    // state after applying steps 0..step
        std::vector<ObjectState> objects;
    };
    void apply_step(std::vector<ObjectState>& objects, uint64_t step, StepDiff* diff) const;
    void finish_state();

    const Trace* trace_;
    ReplayOptions options_;
    std::vector<Keyframe> keyframes_;
    std::vector<std::pair<ObjectId, uint32_t>> types_;  // (id, type string id), sorted
    std::string output_;                       // all output, concatenated
    std::vector<std::pair<uint64_t, size_t>> output_index_;  // (step, output_ length after it)
    HeapState state_;
    bool has_state_ = false;
};

}  // namespace ys::trace
