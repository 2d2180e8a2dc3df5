// `_ystrace`, the private module through which the asyncio library (core/vm/lib)
// reports the event loop's moments to the trace: LoopCallback, TaskScheduled and
// TimerFired (REPORTING.md, "Level 2: the event loop"). enabled() is read once when
// the library is imported, so without a sink no event text is ever built. Also
// format_exception(), the traceback text the loop's default exception handler
// prints, in the words of the VM's own uncaught-exception report.
#include <string_view>

#include "vm/builtins_util.h"
#include "vm/frame.h"
#include "vm/trace_report.h"

namespace ys::vm {

static Object* ystrace_enabled(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("enabled", kwnames) || !check_nargs("enabled", nargs, 0, 0)) return nullptr;
    return new_bool(t_sink != nullptr);
}

static bool loop_event_kind(std::string_view name, trace::EventKind* kind) {
    using trace::EventKind;
    static constexpr struct {
        std::string_view name;
        EventKind kind;
    } kKinds[] = {{"LoopCallback", EventKind::LoopCallback},
                  {"TaskScheduled", EventKind::TaskScheduled},
                  {"TimerFired", EventKind::TimerFired}};
    for (const auto& k : kKinds) {
        if (name == k.name) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

// Runs the library's describing code (a handle's callback name and arguments)
// unrecorded: those frames exist only because a trace is being recorded, CPython's C
// event loop has no such code, so they must not be steps.
static Object* call_unrecorded(Object* func, Object* const* args, size_t nargs) {
    UnrecordedScope unrecorded;
    return call(func, args, nargs);
}

// event(kind, subject, text) or event(kind, subject, describe, *args): kind is
// "LoopCallback", "TaskScheduled" or "TimerFired"; the text is a str, or what
// describe(*args) returns, computed unrecorded.
static Object* ystrace_event(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("event", kwnames)) return nullptr;
    if (nargs < 3) return raise(&TypeError_Type, "event() expects (str, object, str) or (str, object, callable, *args)");
    if (!is_str(args[0])) return raise(&TypeError_Type, "event() expects a str kind");
    trace::EventKind kind;
    if (!loop_event_kind(str_value(args[0]), &kind))
        return raise_format(&ValueError_Type, "unknown event kind '%s'", str_value(args[0]).c_str());
    if (!t_sink) return none();
    Object* text = is_str(args[2]) ? newref(args[2]) : call_unrecorded(args[2], args + 3, nargs - 3);
    if (!text) return nullptr;
    if (!is_str(text)) {
        decref(text);
        return raise(&TypeError_Type, "event(): the description must be a str");
    }
    trace::Event ev;
    ev.kind = kind;
    trace_created(args[1]);
    ev.subject = args[1]->ob_trace_id;
    ev.text = str_value(text);
    decref(text);
    t_sink->on_event(ev);
    return none();
}

static Object* ystrace_format_exception(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("format_exception", kwnames) || !check_nargs("format_exception", nargs, 1, 1)) return nullptr;
    if (!is_exception(args[0])) return raise(&TypeError_Type, "format_exception() expects an exception");
    std::string out;
    print_exception(args[0], out);
    return new_str(out);
}

static const MethodDef kYstraceFunctions[] = {
    {"enabled", ystrace_enabled},
    {"event", ystrace_event},
    {"format_exception", ystrace_format_exception},
};

int init_ystrace_module(Object* m) {
    for (const MethodDef& def : kYstraceFunctions)
        if (add_function(m, &def) < 0) return -1;
    return 0;
}

}  // namespace ys::vm
