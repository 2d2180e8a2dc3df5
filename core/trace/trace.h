// The in-memory trace: a header, the program, its code objects, and a sequence of steps.
// Each step is one Event (sink.h) plus the heap changes that came before it. The storage
// is compact (strings interned, values packed) so that a trace of ten million steps fits
// in memory; `event(step)` and `change_value(...)` give back the plain sink types.
//
// Step n's changes happened before its event: the state "at step n" is the state after
// applying the changes of steps 0..n (see replay.h).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trace/big_array.h"
#include "trace/sink.h"

namespace ys::trace {

inline constexpr const char* kFormatName = "yieldscope-trace";
// 2: the `remove` change (a field the object no longer has). 3: the binary form stores
// a Text value that is a decimal integer as the number (value kind 4). 4: and a float's
// repr as the double (value kind 5). Readers accept 1-4 (FORMAT.md).
inline constexpr int kFormatVersion = 4;
// A trace written by this build says which tool wrote it.
const char* tool_version();

const char* granularity_name(Granularity g);            // "events" | "lines" | "instructions"
bool parse_granularity(std::string_view name, Granularity& out);
const char* resume_how_name(ResumeHow how);             // "next", "send", "throw", ...
const char* dealloc_cause_name(DeallocCause cause);     // "refcount", "collector", "shutdown"
bool parse_event_kind(std::string_view name, EventKind& out);  // from event_kind_name()

struct TraceHeader {
    std::string format = kFormatName;
    int version = kFormatVersion;
    Granularity granularity = Granularity::Events;
    std::string tool_version;
    // Set when recording stopped at the step budget: the trace is a prefix of the run.
    bool truncated = false;
    bool operator==(const TraceHeader&) const = default;
};

// A Value with its text interned (16 bytes instead of 56).
struct PackedValue {
    Value::Kind kind = Value::Kind::Null;
    uint32_t text = 0;     // string id: Text repr, or Ref label (0 = ""); see kDecimalText
    int64_t payload = 0;   // Int: the number; Ref: the object id; a decimal Text: the number;
                           // a float Text: the double's bits
    bool operator==(const PackedValue&) const = default;
    // A Text whose repr is the decimal form of `payload` (an int object's repr): kept as
    // the number, because a program makes millions of distinct ints and interning each
    // repr was the recorder's biggest cost.
    static constexpr uint32_t kDecimalText = UINT32_MAX;
    bool decimal_text() const { return kind == Value::Kind::Text && text == kDecimalText; }
    // A Text that is the repr of the double whose bits are `payload` (Value::float_repr_of).
    static constexpr uint32_t kFloatText = UINT32_MAX - 1;
    bool float_text() const { return kind == Value::Kind::Text && text == kFloatText; }
};
// `text` is a decimal integer exactly as Python's int repr writes it ("0", "-12"; not
// "007", "-0", "+1"), within int64: its value in `out`.
bool parse_decimal_repr(std::string_view text, int64_t& out);

// One heap change, in 24 bytes (a ten-million-step trace holds over twenty million):
// the value's parts are stored unpacked so that no padding is left, and object ids are
// 32-bit (ids are handed out one by one; a trace with four billion objects would not
// fit in memory anyway; readers reject larger ids, the recorder refuses them).
struct Change {
    enum class Kind : uint8_t { Created, FieldSet, Refcount, Freed, FieldRemoved };
    Kind kind = Kind::FieldSet;
    Value::Kind value_kind = Value::Kind::Null;
    uint32_t name = 0;     // string id: Created -> type name, FieldSet / FieldRemoved -> field name
    uint32_t object = 0;
    uint32_t text = 0;     // the value's PackedValue::text
    int64_t payload = 0;   // the value's payload; Created / Refcount: the refcount
    // FieldSet: the new value; Created / Refcount: Int refcount.
    PackedValue value() const { return PackedValue{value_kind, text, payload}; }
    void set_value(const PackedValue& v) {
        value_kind = v.kind;
        text = v.text;
        payload = v.payload;
    }
    bool operator==(const Change&) const = default;
};
inline constexpr ObjectId kMaxChangeObject = UINT32_MAX;
const char* change_kind_name(Change::Kind kind);  // "create" | "set" | "refcount" | "free" | "remove"

// One step's event, packed. `extra` indexes Trace::extras (0 = none) for the rare
// fields (GcEnd's objects, the event loop's virtual time).
struct StepRecord {
    EventKind kind = EventKind::Line;
    uint8_t detail = 0;
    Value::Kind value_kind = Value::Kind::Null;
    int32_t line = -1;
    int32_t lasti = -1;
    uint32_t text = 0;     // string id
    uint32_t extra = 0;
    uint32_t value_text = 0;
    ObjectId subject = 0;
    ObjectId frame = 0;
    int64_t value_payload = 0;
    uint64_t changes_begin = 0;   // index into the change array; ends at the next step's
    // The event's value, stored unpacked (56 bytes per step instead of 64).
    PackedValue value() const { return PackedValue{value_kind, value_text, value_payload}; }
    void set_value(const PackedValue& v) {
        value_kind = v.kind;
        value_text = v.text;
        value_payload = v.payload;
    }
    bool operator==(const StepRecord&) const = default;
};

struct StepExtra {
    std::vector<ObjectId> objects;
    double virtual_time = 0.0;
    bool operator==(const StepExtra&) const = default;
};

class Trace {
public:
    Trace();

    TraceHeader header;
    std::string filename;   // the program's file name as recorded ("fib.py")
    std::string source;     // the program's source text
    // Every traced `code` object's full code object, by its ObjectId.
    std::map<ObjectId, CodePtr> codes;
    // A teacher's note per step, saved with the trace.
    std::map<uint64_t, std::string> annotations;

    // --- reading -------------------------------------------------------------------
    uint64_t step_count() const { return steps_.size(); }
    bool empty() const { return steps_.empty(); }
    const StepRecord& record(uint64_t step) const { return steps_[step]; }
    EventKind event_kind(uint64_t step) const { return steps_[step].kind; }
    Event event(uint64_t step) const;                  // unpacked
    std::span<const Change> changes(uint64_t step) const;
    uint64_t change_count() const { return changes_.size(); }
    std::string_view str(uint32_t id) const { return strings_[id]; }
    Value unpack(const PackedValue& v) const;
    const CodeObject* code(ObjectId id) const;         // null if unknown
    std::span<const StepRecord> steps() const { return {steps_.data(), steps_.size()}; }
    std::span<const Change> all_changes() const { return {changes_.data(), changes_.size()}; }
    const std::vector<std::string>& strings() const { return strings_; }
    const std::vector<StepExtra>& extras() const { return extras_; }
    // The next / previous step at or after / before `from` whose event is `kind`;
    // step_count() / UINT64_MAX when none.
    uint64_t find_next(EventKind kind, uint64_t from) const;
    uint64_t find_prev(EventKind kind, uint64_t from) const;

    // --- building (the recorder and the readers) -------------------------------------
    uint32_t intern(std::string_view s);
    PackedValue pack(const Value& v);
    // Heap changes for the step being built (closed by add_event).
    void add_created(ObjectId id, std::string_view type_name, int64_t refcount);
    void add_field_set(ObjectId id, std::string_view field, const Value& value);
    void add_field_removed(ObjectId id, std::string_view field);
    // The same with the field name already interned (`name` from intern()).
    void add_field_set_interned(ObjectId id, uint32_t name, const Value& value);
    void add_field_removed_interned(ObjectId id, uint32_t name);
    void add_refcount(ObjectId id, int64_t refcount);
    void add_freed(ObjectId id);
    void add_change(const Change& change) { changes_.push_back(change); }
    // Changes added since the last event (the open step's).
    uint64_t pending_changes_begin() const;
    void drop_pending_changes() { changes_.truncate(closed_changes_end_); }
    Change& change_at(uint64_t index) { return changes_[index]; }
    void add_event(const Event& event);
    void add_record(StepRecord record, const StepExtra* extra);  // raw, for readers
    void reserve(uint64_t steps, uint64_t changes);

    // Bytes held by the step, change, string and extra arrays (for the benchmark).
    size_t memory_bytes() const;

    // Same content (header, program, codes compared by serialized form, annotations,
    // steps, changes with strings resolved).
    bool same_content(const Trace& other) const;

private:
    BigArray<StepRecord> steps_;
    BigArray<Change> changes_;
    std::vector<StepExtra> extras_;      // [0] is the empty extra
    std::vector<std::string> strings_;   // [0] is ""
    // The strings by content: an open-addressed table (no allocation per new string;
    // every distinct int a program makes is one) of string id + 1 (0 = empty), with
    // the hash's low bits beside it so most probes compare no text.
    struct IdSlot {
        uint32_t id_plus1 = 0;
        uint32_t hash = 0;
    };
    std::vector<IdSlot> string_ids_;
    size_t string_ids_used_ = 0;
    void rebuild_string_ids(size_t slots);
    // Recording interns the same field names and small reprs millions of times: a
    // direct-mapped cache (string id + 1, 0 = empty) answers most with one compare.
    static constexpr size_t kInternCache = 4096;
    std::vector<uint32_t> intern_cache_ = std::vector<uint32_t>(kInternCache, 0);
    uint64_t closed_changes_end_ = 0;    // changes before this index belong to closed steps
};

}  // namespace ys::trace
