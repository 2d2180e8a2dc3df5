// What the VM reports beyond the choke point (REPORTING.md): interpreter frames as
// `frame` objects, the thread state, modules, containers and instances. Everything
// here runs only with a sink attached; the no-sink cost stays one null test at the
// existing choke points.
//
// The VM's sink is a ReportSink wrapping the recorder's: before forwarding each
// event it re-reports what may have changed since the previous event (the running
// frame, its caller and deeper frames that ran, the thread state, and the "dirty"
// traced objects created, touched or stored into since then). It keeps the last
// value of every field and forwards only changes (and removed fields), so the
// recorder's work is proportional to what changed.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "vm/frame.h"
#include "vm/object_address.h"

namespace ys::vm {

struct ExcStackItem;

// Installs / removes the reporting wrapper around `inner` (run.cpp).
trace::TraceSink* trace_report_begin(trace::TraceSink* inner);
void trace_report_end();

// A field value: NULL, the repr of an inline object (int, float, bool, None, str),
// or a Ref (assigning the trace id on first use).
trace::Value trace_value(Object* o);
// A str object as an inline repr ('fib').
trace::Value trace_str_text(Object* s);
// The trace id of an interpreter frame, reporting it (with its fields) on first use.
uint64_t frame_trace_id(Frame* f);
void report_frame_fields(Frame* f);
// The interpreter frame is gone (popped, or its generator cleared / freed).
void trace_frame_gone(Frame* f);
// The trace id of the owner of an exc_info chain item (a generator or the thread
// state); 0 for none.
trace::ObjectId exc_item_owner(ExcStackItem* item);
// A field name reported at every event (a generator's "gi_frame_state"): its id in
// the running recording is looked up once, not hashed from the text each time.
// Keep instances thread_local (one recording per thread).
class FieldName {
public:
    constexpr explicit FieldName(std::string_view text) : text_(text) {}
    uint32_t id();
    std::string_view text() const { return text_; }

private:
    std::string_view text_;
    uint64_t epoch_ = 0;   // the recording `id_` belongs to (0 = none yet)
    uint32_t id_ = 0;
};
// Field reports by interned name; like TraceSink::on_field_set, each forwards only a
// change. Only with a sink attached.
void trace_set(uint64_t id, FieldName& name, const trace::Value& v);
void trace_set_object(uint64_t id, FieldName& name, Object* o);  // == trace_set(trace_value(o))
void trace_set_int(uint64_t id, FieldName& name, int64_t n);
void trace_set_ref(uint64_t id, FieldName& name, uint64_t ref);  // a label-less pointer (0 = NULL)
void trace_set_text(uint64_t id, FieldName& name, std::string_view text);  // an inline text
// Whether the object's rarely-changing fields (a generator's gi_code, gi_name...) were
// read from this same `key` at their last report, in which case they are not re-read
// (they would hold the same values); records `key` for next time. The key must
// determine the values: pointers to objects the reported object holds alive, with the
// trace id where the field's target is not held (a weak list head), and at most 6.
// Only with a sink attached.
bool trace_fields_unchanged(uint64_t id, std::initializer_list<uintptr_t> key);
// The object's fixed fields changed in a way their key does not show (a generator's
// __name__ set to a new str that took the old one's memory): re-read them next time.
void trace_fields_changed(Object* o);
// A generator's fields, then its event (sink.h), with nothing in between: the sync
// before the event does not read the generator and its frame again.
void trace_gen_event(Object* gen, const trace::Event& ev);
// Forwards an event that directly follows the previous one, nothing having run in
// between (ExcStateRestore right after GenResume), without the re-report before it,
// when nothing at all was reported since that event (the re-report would find no
// change, so the trace is the same). Returns false when the event must go the usual way.
bool trace_event_following(const trace::Event& ev);
// The running frame stored into an exc_info item, which may be a calling generator's
// (an except block in a plain function it called): that generator is re-read.
void trace_exc_item_written(ExcStackItem* item);
// Marks a traced object as touched since the last event (only called with a sink).
void trace_mark_dirty(Object* o);
void trace_forget(Object* o);  // the object is being deallocated
void trace_remember_static(Object* o);  // an immortal object got an id in this run

// Code that runs only because a trace is recorded (describing a loop handle), or that
// CPython runs before the program starts (importing the frozen asyncio library):
// its events are not steps; its heap changes are kept and land in the next step.
void trace_unrecorded_begin();
void trace_unrecorded_end();
struct UnrecordedScope {
    UnrecordedScope() { trace_unrecorded_begin(); }
    ~UnrecordedScope() { trace_unrecorded_end(); }
    UnrecordedScope(const UnrecordedScope&) = delete;
    UnrecordedScope& operator=(const UnrecordedScope&) = delete;
};

}  // namespace ys::vm
