// The async generator hooks (PEP 525) on the generator's side: at its first
// __anext__/asend/athrow/aclose an async generator captures the finalizer hook and
// calls the firstiter hook (async_gen_init_hooks); when it dies un-exhausted, the
// captured finalizer gets it instead of a synchronous close (_PyGen_Finalize).
// sys.set_asyncgen_hooks / get_asyncgen_hooks themselves live in module_sys.cpp.
#include "vm/genobject.h"
#include "vm/trace_report.h"

namespace ys::vm {

static void hook_event(GenObject* ag, Object* hook, const char* which) {
    trace::Event ev;
    ev.kind = trace::EventKind::HookCall;
    trace_created(ag);
    ev.subject = ag->ob_trace_id;
    ev.value = trace_value(hook);
    ev.text = which;
    if (Frame* f = rt().current_frame) {
        ev.frame = frame_trace_id(f);
        ev.line = f->lineno();
        ev.lasti = f->lasti_bytes();
    }
    t_sink->on_event(ev);
}

int async_gen_init_hooks(GenObject* ag) {
    if (ag->ag_hooks_inited) return 0;
    ag->ag_hooks_inited = true;
    // The finalizer is the one installed now, even if the hooks change later.
    Object* finalizer = sys_asyncgen_finalizer();
    if (finalizer != YS_None) setref(&ag->gi_origin_or_finalizer, newref(finalizer));
    Object* firstiter = sys_asyncgen_firstiter();
    if (firstiter == YS_None) return 0;
    incref(firstiter);
    if (t_sink) hook_event(ag, firstiter, "firstiter");
    Object* res = call1(firstiter, ag);
    decref(firstiter);
    if (!res) return -1;
    decref(res);
    return 0;
}

void async_gen_call_finalizer(GenObject* ag, Object* finalizer) {
    Object* saved = err_fetch();
    if (t_sink) hook_event(ag, finalizer, "finalizer");
    Object* res = call1(finalizer, ag);
    if (!res) write_unraisable(ag);
    else decref(res);
    err_restore(saved);
}

}  // namespace ys::vm
