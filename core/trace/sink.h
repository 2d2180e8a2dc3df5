// The one interface through which the VM reports what happens inside it. The VM holds a
// nullable TraceSink*; with none attached every report is a single null check, so a
// plain `run` pays nothing. The recorder (core/trace/recorder.*) implements it.
//
// Model: a trace is a sequence of steps. Heap changes (object created, field set,
// field removed, refcount changed, object freed) accumulate until the VM reports an Event; that event
// closes the step and owns the changes that came before it.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/code.h"
#include "vm/format_float.h"  // ys_format: self-contained, no VM object model

namespace ys::trace {

// Identity of a traced object for the whole trace: never reused, 0 is NULL.
using ObjectId = uint64_t;

// A field's value as the diagrams show it: NULL, a number, an inline text (the repr of
// a small immutable value such as an int, str or None), or a pointer to a traced object.
struct Value {
    enum class Kind : uint8_t { Null, Int, Text, Ref };
    // A Text given as the number it is the repr of (in `number`: an int, or a float's
    // bits), its text to be made when it is read: making (and interning) the repr of
    // every number a program computes was a large part of recording it. Only for a sink
    // that takes_number_reprs(); every other sink gets the text.
    enum class ReprOf : uint8_t { Text, Int, Float };
    Kind kind = Kind::Null;
    ReprOf repr_of = ReprOf::Text;  // next to `kind`: in its padding, the Value stays 56 bytes
    int64_t number = 0;   // Int; a Text's number (repr_of)
    std::string text;     // Text: repr; Ref: optional short label (e.g. "str 'fib'")
    ObjectId ref = 0;     // Ref

    static Value null() { return {}; }
    static Value integer(int64_t n) { Value v; v.kind = Kind::Int; v.number = n; return v; }
    static Value inline_text(std::string t) { Value v; v.kind = Kind::Text; v.text = std::move(t); return v; }
    static Value int_repr_of(int64_t n) {
        Value v;
        v.kind = Kind::Text;
        v.number = n;
        v.repr_of = ReprOf::Int;
        return v;
    }
    static Value float_repr_of(double d) {
        Value v = int_repr_of(std::bit_cast<int64_t>(d));
        v.repr_of = ReprOf::Float;
        return v;
    }
    // The value with a number repr (repr_of) made into its text: what a sink that does
    // not take them is given, and what a reader of a trace sees.
    Value spelled() const {
        if (repr_of == ReprOf::Text) return *this;
        return inline_text(repr_of == ReprOf::Int ? std::to_string(number) : fmt::float_repr(std::bit_cast<double>(number)));
    }
    static Value pointer(ObjectId id, std::string label = {}) {
        Value v; v.kind = id ? Kind::Ref : Kind::Null; v.ref = id; v.text = std::move(label); return v;
    }
    bool operator==(const Value&) const = default;
};

// Semantic events, in the words of CPython's internals. X(name, "label")
#define YS_EVENT_KINDS(X)                                        \
    X(ProgramStart, "program start")                             \
    X(ProgramEnd, "program end")                                 \
    X(FramePush, "frame push")                                   \
    X(FramePop, "frame pop")                                     \
    X(GenCreate, "generator created")                            \
    X(GenResume, "resume")                                       \
    X(GenYield, "yield")                                         \
    X(ExcStateRestore, "exception state pushed on resume")       \
    X(ExcStateSave, "exception state saved on yield")            \
    X(ExcRaised, "exception raised")                             \
    X(ExcCaught, "exception caught")                             \
    X(GenClose, "generator close")                               \
    X(GenExit, "GeneratorExit thrown")                           \
    X(GenReturn, "return / StopIteration")                       \
    X(Dealloc, "dealloc")                                        \
    X(Finalizer, "finalizer call")                               \
    X(GcStart, "collection start")                               \
    X(GcEnd, "collection end")                                   \
    X(Output, "output")                                          \
    X(Line, "line")                                              \
    X(Instruction, "instruction")                                \
    X(CoroCreate, "coroutine created")                           \
    X(AwaitSuspend, "suspended at await")                        \
    X(LoopCallback, "event loop callback")                       \
    X(TaskScheduled, "task scheduled")                           \
    X(TimerFired, "timer fired")                                 \
    X(HookCall, "async generator hook call")                     \
    X(FreeListReuse, "free list reuse")

enum class EventKind : uint8_t {
#define YS_EVENT_ENUM(name, label) name,
    YS_EVENT_KINDS(YS_EVENT_ENUM)
#undef YS_EVENT_ENUM
};
const char* event_kind_name(EventKind kind);   // "GenYield"
const char* event_kind_label(EventKind kind);  // "yield"

// How much the VM reports: `Events` is what makes the diagrams step naturally in class;
// `Lines` adds a Line event per new source line, `Instructions` one per instruction.
enum class Granularity : uint8_t { Events, Lines, Instructions };

// How a resume was asked for (GenResume.detail).
enum class ResumeHow : uint8_t { Next, Send, Throw, Close, ForIter, YieldFrom };
// Why an object was deallocated (Dealloc.detail).
enum class DeallocCause : uint8_t { RefcountZero, CycleCollector, Shutdown };

struct Event {
    EventKind kind = EventKind::Line;
    ObjectId subject = 0;   // the generator / frame / object the event is about
    ObjectId frame = 0;     // the frame running when it happened (0 at top level before start)
    int line = -1;          // source line, -1 when not applicable
    int lasti = -1;         // f_lasti in bytes, as Python shows it
    uint8_t detail = 0;     // ResumeHow / DeallocCause / 0
    Value value;            // yielded / sent / returned value, exception thrown, ...
    std::string text;       // printed text for Output, exception "Type: message", notes
    std::vector<ObjectId> objects;  // GcEnd: the unreachable objects found; otherwise empty
    double virtual_time = 0.0;      // Level 2: the event loop's clock
};

class TraceSink {
public:
    virtual ~TraceSink() = default;

    // The code object behind a traced `code` object; called once, before it is used.
    virtual void on_code(ObjectId id, const CodePtr& code) = 0;
    // `type_name` is CPython's (e.g. "generator", "frame", "list", "Yielded").
    virtual void on_object_created(ObjectId id, std::string_view type_name, int64_t refcount) = 0;
    // Field names are CPython's struct paths ("gi_frame_state", "gi_exc_state.exc_value",
    // "gi_iframe.prev_instr", "ob_item[2]", "localsplus[x]").
    virtual void on_field_set(ObjectId id, std::string_view field, const Value& value) = 0;
    // A field the object no longer has (a dict key deleted, an attribute deleted, a list
    // item past a shrunk list's end). A sink that keeps no state may ignore it.
    virtual void on_field_removed(ObjectId id, std::string_view field) { (void)id; (void)field; }
    virtual void on_refcount(ObjectId id, int64_t refcount) = 0;
    virtual void on_object_freed(ObjectId id) = 0;
    virtual void on_event(const Event& event) = 0;

    // A fast path for sinks that keep a string table (the recorder): the VM's reporting
    // wrapper interns each field name once, when first forwarded (so ids come out in the
    // order the string_view calls would give), and then passes the id. Other sinks keep
    // the defaults and get the string_view calls.
    virtual bool takes_interned_names() const { return false; }
    virtual uint32_t intern_field_name(std::string_view field) { (void)field; return 0; }
    virtual void on_field_set_interned(ObjectId id, uint32_t field, const Value& value) {
        (void)id; (void)field; (void)value;
    }
    virtual void on_field_removed_interned(ObjectId id, uint32_t field) { (void)id; (void)field; }
    // Whether this sink takes Value::int_repr_of / float_repr_of (field and event values).
    virtual bool takes_number_reprs() const { return false; }
};

}  // namespace ys::trace
