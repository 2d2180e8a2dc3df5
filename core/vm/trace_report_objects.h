// What trace_report_objects.cpp and the reporting sink (trace_report.cpp) call of each
// other. Internal to the trace reporting; only reached with a sink attached.
#pragma once

#include <cstdint>
#include <string_view>

#include "trace/sink.h"
#include "vm/object.h"

namespace ys::vm::report {

// trace_report.cpp: the field `name` of object `id` holds `v` / `o` (forwarded when it
// changed since the last report).
void field(uint64_t id, std::string_view name, const trace::Value& v);
void field_object(uint64_t id, std::string_view name, Object* o);
// Around a full re-scan of an object whose fields come and go: the fields not
// reported again in between are reported removed.
void begin_scan(uint64_t id);
void end_scan(uint64_t id);
// A store into `dict` is a change of `module` (its namespace).
void module_owns_dict(Object* module, Object* dict);
trace::TraceSink* sink();  // the reporting sink, what tp_trace_fields reports to

// trace_report_objects.cpp: re-reports every field of a traced object (modules,
// containers, instances, exceptions, tracebacks, cells, classes; the types with their
// own tp_trace_fields report themselves).
void report_object(Object* o);

}  // namespace ys::vm::report
