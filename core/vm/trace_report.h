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
// A Ref to the owner of an exc_info chain item (a generator or the thread state).
trace::Value exc_item_owner(ExcStackItem* item);
// Marks a traced object as touched since the last event (only called with a sink).
void trace_mark_dirty(Object* o);
void trace_forget(Object* o);  // the object is being deallocated
void trace_remember_static(Object* o);  // an immortal object got an id in this run

}  // namespace ys::vm
