// Generators, as Objects/genobject.c of CPython 3.11: the frame embedded in the
// generator, gen_send_ex2 with the exc_info push/pop around the resumed frame,
// send/throw/close with `yield from` delegation, PEP 479, and finalization (a
// suspended generator is closed when it dies). Coroutines and async generators
// share all of it (their types live in coroutine.cpp and asyncgen.cpp); the few
// places where CPython checks the type say so.
#include <cstdio>
#include <cstring>

#include "vm/genobject.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Generator_Type;
bool call_finalizer_from_dealloc(Object* self);
void clear_weakrefs(Object* o);

static const char* state_name(int8_t s) {
    switch (s) {
        case FRAME_CREATED: return "FRAME_CREATED";
        case FRAME_SUSPENDED: return "FRAME_SUSPENDED";
        case FRAME_EXECUTING: return "FRAME_EXECUTING";
        case FRAME_COMPLETED: return "FRAME_COMPLETED";
        default: return "FRAME_CLEARED";
    }
}

static trace::Event make_gen_event(trace::EventKind kind, GenObject* gen, Object* value, uint8_t detail) {
    trace::Event ev;
    ev.kind = kind;
    trace_created(gen);
    ev.subject = gen->ob_trace_id;
    // A yield (or await) is at the generator's YIELD_VALUE; the other events where the
    // caller is.
    Frame* f = kind == trace::EventKind::GenYield || kind == trace::EventKind::AwaitSuspend ? gen->iframe()
                                                                                          : rt().current_frame;
    if (f) {
        if (f != rt().current_frame) ev.frame = frame_trace_id(f);  // line and lasti are this frame's
        ev.line = f->lineno();
        ev.lasti = f->prev_instr < 0 ? -1 : f->prev_instr * 2;
    }
    ev.detail = detail;
    ev.value = trace_value(value);
    return ev;
}

// The frame state is a reported field: a change is re-read at the next event (the
// state moves where no event of the generator's own follows: close() and throw()
// delegating to a sub-iterator, the resumed frame's first instructions).
static void set_frame_state(GenObject* gen, int8_t state) {
    gen->gi_frame_state = state;
    if (t_sink) [[unlikely]] trace_mark_dirty(gen);
}

void gen_event(trace::EventKind kind, GenObject* gen, Object* value, uint8_t detail) {
    trace::Event ev = make_gen_event(kind, gen, value, detail);
    trace_gen_event(gen, ev);
}

// An event right after the previous one with nothing run in between (the
// exception-state swap that goes with a resume or a yield): the re-report is skipped
// when it could find no change.
static void gen_event_following(trace::EventKind kind, GenObject* gen, Object* value) {
    trace::Event ev = make_gen_event(kind, gen, value, 0);
    if (trace_event_following(ev)) return;
    trace_gen_event(gen, ev);
}

// Which object a CO_GENERATOR / CO_COROUTINE / CO_ASYNC_GENERATOR function's call makes.
static Type* gen_type_for(const CodeObj* co) {
    if (co->flags & CO_COROUTINE) return &Coroutine_Type;
    if (co->flags & CO_ASYNC_GENERATOR) return &AsyncGen_Type;
    return &Generator_Type;
}

// A kind-specific message: generator / coroutine / async generator.
static const char* by_kind(GenObject* gen, const char* g, const char* c, const char* a) {
    return is_coroutine(gen) ? c : is_async_gen(gen) ? a : g;
}

Object* make_generator(Frame* frame) {
    CodeObj* co = frame->f_code;
    size_t size = sizeof(GenObject) + frame_size_bytes(co);
    Type* type = gen_type_for(co);
    Object* origin = nullptr;
    if (type == &Coroutine_Type) {
        // sys.set_coroutine_origin_tracking_depth: the callers, innermost first.
        int depth = sys_coroutine_origin_tracking_depth();
        if (depth > 0) {
            origin = compute_cr_origin(depth, frame->previous);
            if (!origin) return nullptr;
        }
    }
    GenObject* gen = static_cast<GenObject*>(alloc_object(type, size));
    if (!gen) {
        xdecref(origin);
        return nullptr;
    }
    gen->gi_origin_or_finalizer = origin;
    gen->gi_frame_state = FRAME_CLEARED;
    gen->gi_code = newref(static_cast<Object*>(co));
    FunctionObject* func = static_cast<FunctionObject*>(frame->f_func);
    gen->gi_name = newref(func->func_name);
    gen->gi_qualname = newref(func->func_qualname);
    gc_track(gen);
    // _PyFrame_Copy: the references move into the generator's frame.
    Frame* gf = gen->iframe();
    std::memcpy(gf, frame, sizeof(Frame) + sizeof(Object*) * static_cast<size_t>(frame->stacktop));
    gen->gi_frame_state = FRAME_CREATED;
    gf->owner = FRAME_OWNED_BY_GENERATOR;
    gf->previous = nullptr;
    frame->trace_id = 0;  // the frame's trace identity moved into the generator
    if (t_sink) {
        // Report the event from the generator's frame (the thread frame is going away).
        Runtime& r = rt();
        Frame* running = r.current_frame;
        gf->previous = frame->previous;
        r.current_frame = mark_running(gf);
        gen_event(type == &Generator_Type ? trace::EventKind::GenCreate : trace::EventKind::CoroCreate, gen);
        r.current_frame = mark_running(running);
        gf->previous = nullptr;
    }
    return gen;
}

SendResult gen_send_ex2(GenObject* gen, Object* arg, Object** presult, bool exc, bool closing) {
    Runtime& r = rt();
    Frame* frame = gen->iframe();
    *presult = nullptr;
    if (gen->gi_frame_state == FRAME_CREATED && arg && arg != YS_None) {
        raise(&TypeError_Type, by_kind(gen, "can't send non-None value to a just-started generator",
                                       "can't send non-None value to a just-started coroutine",
                                       "can't send non-None value to a just-started async generator"));
        return SendResult::Error;
    }
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        raise(&ValueError_Type, by_kind(gen, "generator already executing", "coroutine already executing",
                                        "async generator already executing"));
        return SendResult::Error;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        // An exhausted coroutine refuses to run again, except for close(), which is
        // always silent.
        if (is_coroutine(gen) && !closing) {
            raise(&RuntimeError_Type, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *presult = none();
            return SendResult::Return;
        }
        return SendResult::Error;
    }
    Object* result = arg ? arg : YS_None;
    frame->localsplus()[frame->stacktop++] = newref(result);
    frame->previous = r.current_frame;
    gen->gi_exc_state.previous_item = r.exc_info;
    r.exc_info = &gen->gi_exc_state;
    if (exc) {
        // _PyErr_ChainStackItem(NULL): the thrown exception gets the generator's
        // saved exception as its context.
        Object* ev = gen->gi_exc_state.exc_value;
        if (ev && ev != YS_None) {
            Object* cur = err_fetch();
            err_chain_context(cur);
            err_restore(cur);
        }
    }
    if (t_sink) {
        auto how = closing ? trace::ResumeHow::Close : exc ? trace::ResumeHow::Throw
                   : arg && arg != YS_None ? trace::ResumeHow::Send : trace::ResumeHow::Next;
        gen_event(trace::EventKind::GenResume, gen, exc ? r.curexc : arg, static_cast<uint8_t>(how));
        gen_event_following(trace::EventKind::ExcStateRestore, gen, gen->gi_exc_state.exc_value);
    }
    set_frame_state(gen, FRAME_EXECUTING);
    result = eval_frame(frame, exc);
    if (gen->gi_frame_state == FRAME_EXECUTING) gen->gi_frame_state = FRAME_COMPLETED;
    r.exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = nullptr;
    frame->previous = nullptr;
    if (result) {
        if (gen->gi_frame_state == FRAME_SUSPENDED) {
            if (t_sink) {
                gen_event(trace::EventKind::GenYield, gen, result);
                gen_event_following(trace::EventKind::ExcStateSave, gen, gen->gi_exc_state.exc_value);
                // Suspended inside an await (SEND): report what it awaits.
                if (gen->ob_type != &Generator_Type)
                    if (Object* yf = gen_yieldfrom(gen)) gen_event_following(trace::EventKind::AwaitSuspend, gen, yf);
            }
            *presult = result;
            return SendResult::Next;
        }
        if (t_sink) gen_event(trace::EventKind::GenReturn, gen, result);
        if (result == YS_None && !is_async_gen(gen) && !arg) clearref(&result);
    } else if (err_matches(&StopIteration_Type) ||
               (is_async_gen(gen) && err_matches(&StopAsyncIteration_Type))) {
        // PEP 479: _PyErr_FormatFromCause(RuntimeError, ...)
        const char* msg = err_matches(&StopIteration_Type)
                              ? by_kind(gen, "generator raised StopIteration", "coroutine raised StopIteration",
                                        "async generator raised StopIteration")
                              : "async generator raised StopAsyncIteration";
        Object* cause = err_fetch();
        raise(&RuntimeError_Type, msg);
        Object* e = rt().curexc;
        if (e) {
            ExceptionObject* x = static_cast<ExceptionObject*>(e);
            setref(&x->cause, newref(cause));
            setref(&x->context, newref(cause));
            x->suppress_context = true;
        }
        decref(cause);
    }
    // The generator can't be rerun: release the frame, breaking the cycle through
    // the saved exception's traceback first.
    clearref(&gen->gi_exc_state.exc_value);
    gen->gi_frame_state = FRAME_CLEARED;
    clear_frame_locals(frame);
    if (t_sink) trace_fields(gen);
    *presult = result;
    return result ? SendResult::Return : SendResult::Error;
}

void set_stop_iteration_value(Object* value) {
    if (!is_tuple(value) && !is_exception(value)) {
        raise_object(&StopIteration_Type, value);
        return;
    }
    Object* e = call1(&StopIteration_Type, value);
    if (!e) return;
    raise_exc(e);
    decref(e);
}

Object* gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing) {
    Object* result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == SendResult::Return) {
        if (is_async_gen(gen)) raise_object(&StopAsyncIteration_Type, nullptr);
        else if (result == YS_None) raise_object(&StopIteration_Type, nullptr);
        else set_stop_iteration_value(result);
        clearref(&result);
    }
    return result;
}

Object* gen_iternext(Object* o) {
    GenObject* gen = static_cast<GenObject*>(o);
    Object* result;
    if (gen_send_ex2(gen, nullptr, &result, false, false) == SendResult::Return) {
        if (result != YS_None) set_stop_iteration_value(result);
        clearref(&result);
    }
    return result;
}

Object* gen_yieldfrom(GenObject* gen) {
    if (gen->gi_frame_state >= FRAME_CLEARED || gen->gi_frame_state == FRAME_CREATED) return nullptr;
    Frame* frame = gen->iframe();
    CodeObj* co = frame->f_code;
    int nxt = frame->prev_instr + 1;
    if (nxt >= code_units(co)) return nullptr;
    uint16_t unit = co->instrs[nxt];
    if ((unit & 0xFF) != static_cast<int>(Op::RESUME) || (unit >> 8) < 2) return nullptr;
    return frame->localsplus()[frame->stacktop - 1];
}

static int gen_close_iter(Object* yf) {
    Object* retval = nullptr;
    if (yf->ob_type == &Generator_Type || is_coroutine(yf)) {
        retval = gen_close_impl(static_cast<GenObject*>(yf));
        if (!retval) return -1;
    } else {
        bool error;
        Object* meth = lookup_attr(yf, intern("close"), &error);
        if (error) write_unraisable(yf);
        if (meth) {
            retval = call0(meth);
            decref(meth);
            if (!retval) return -1;
        }
    }
    xdecref(retval);
    return 0;
}

Object* gen_close_impl(GenObject* gen) {
    Object* yf = gen_yieldfrom(gen);
    int err = 0;
    if (t_sink) gen_event(trace::EventKind::GenClose, gen);
    if (yf) {
        incref(yf);
        int8_t state = gen->gi_frame_state;
        set_frame_state(gen, FRAME_EXECUTING);
        err = gen_close_iter(yf);
        set_frame_state(gen, state);
        decref(yf);
    }
    if (err == 0) {
        raise_object(&GeneratorExit_Type, nullptr);
        if (t_sink) gen_event(trace::EventKind::GenExit, gen);
    }
    Object* retval = gen_send_ex(gen, YS_None, true, true);
    if (retval) {
        decref(retval);
        return raise(&RuntimeError_Type, by_kind(gen, "generator ignored GeneratorExit",
                                                 "coroutine ignored GeneratorExit",
                                                 "async generator ignored GeneratorExit"));
    }
    if (err_matches(&StopIteration_Type) || err_matches(&GeneratorExit_Type)) {
        err_clear();
        return none();
    }
    return nullptr;
}

static Object* throw_here(GenObject* gen, Object* typ, Object* val, Object* tb) {
    if (tb == YS_None) tb = nullptr;
    else if (tb && tb->ob_type != &Traceback_Type)
        return raise(&TypeError_Type, "throw() third argument must be a traceback object");
    while (is_tuple(typ) && tuple_size(typ) > 0) typ = tuple_items(typ)[0];
    Object* exc = nullptr;
    if (is_exception_type(typ)) {
        if (!val || val == YS_None) exc = call0(typ);
        else if (is_exception(val) && isinstance(val, static_cast<Type*>(typ))) exc = newref(val);
        else if (is_tuple(val)) exc = call(typ, tuple_items(val), static_cast<size_t>(tuple_size(val)));
        else exc = call1(typ, val);
        if (!exc) return nullptr;
        if (!is_exception(exc)) {
            raise_format(&TypeError_Type, "calling %s should have returned an instance of BaseException, not %s",
                         repr_string(typ).c_str(), type_name(exc));
            decref(exc);
            return nullptr;
        }
    } else if (is_exception(typ)) {
        if (val && val != YS_None) return raise(&TypeError_Type, "instance exception may not have a separate value");
        exc = newref(typ);
    } else {
        return raise_format(&TypeError_Type,
                            "exceptions must be classes or instances deriving from BaseException, not %s",
                            type_name(typ));
    }
    if (tb) setref(&static_cast<ExceptionObject*>(exc)->traceback, newref(tb));
    err_restore(exc);
    return gen_send_ex(gen, YS_None, true, false);
}

Object* gen_throw_inner(GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb) {
    Object* yf = gen_yieldfrom(gen);
    if (!yf) return throw_here(gen, typ, val, tb);
    incref(yf);
    Frame* frame = gen->iframe();
    Object* ret;
    if (close_on_genexit && is_exception_type(typ) && is_subtype(static_cast<Type*>(typ), &GeneratorExit_Type)) {
        int8_t state = gen->gi_frame_state;
        set_frame_state(gen, FRAME_EXECUTING);
        int err = gen_close_iter(yf);
        set_frame_state(gen, state);
        decref(yf);
        if (err < 0) return gen_send_ex(gen, YS_None, true, false);
        return throw_here(gen, typ, val, tb);
    }
    Runtime& r = rt();
    if (yf->ob_type == &Generator_Type || is_coroutine(yf)) {
        Frame* prev = r.current_frame;
        frame->previous = prev;
        r.current_frame = mark_running(frame);
        int8_t state = gen->gi_frame_state;
        set_frame_state(gen, FRAME_EXECUTING);
        ret = gen_throw_inner(static_cast<GenObject*>(yf), close_on_genexit, typ, val, tb);
        set_frame_state(gen, state);
        r.current_frame = mark_running(prev);
        frame->previous = nullptr;
        frame->report_stale = true;  // its generator's state moved back while another frame ran
    } else {
        bool error;
        Object* meth = lookup_attr(yf, intern("throw"), &error);
        if (error) {
            decref(yf);
            return nullptr;
        }
        if (!meth) {
            decref(yf);
            return throw_here(gen, typ, val, tb);
        }
        int8_t state = gen->gi_frame_state;
        set_frame_state(gen, FRAME_EXECUTING);
        Object* args[3] = {typ, val ? val : YS_None, tb ? tb : YS_None};
        size_t n = tb ? 3 : val ? 2 : 1;
        ret = call(meth, args, n);
        set_frame_state(gen, state);
        decref(meth);
    }
    decref(yf);
    if (!ret) {
        // Pop the subiterator and jump past the SEND loop, as CPython does.
        Object* sub = frame->localsplus()[--frame->stacktop];
        decref(sub);
        CodeObj* co = frame->f_code;
        uint16_t send_unit = co->instrs[frame->prev_instr - 1];
        int jump = send_unit >> 8;
        frame->prev_instr += jump - 1;
        Object* value = nullptr;
        if (!err_occurred()) {
            value = none();
        } else if (err_matches(&StopIteration_Type)) {
            Object* e = err_fetch();
            Object* v = static_cast<ExceptionObject*>(e)->value;
            value = v ? newref(v) : none();
            decref(e);
        }
        if (value) {
            ret = gen_send_ex(gen, value, false, false);
            decref(value);
        } else {
            ret = gen_send_ex(gen, YS_None, true, false);
        }
    }
    return ret;
}

Object* gen_throw_impl(GenObject* gen, Object* typ, Object* val, Object* tb) {
    return gen_throw_inner(gen, true, typ, val, tb);
}

// ---- Python-visible methods and attributes
static GenObject* G(Object* o) { return static_cast<GenObject*>(o); }

Object* gen_send_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "send");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
    return gen_send_ex(G(self), args[0], false, false);
}
Object* gen_throw_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(method_name(self, "throw").c_str(), kwnames)) return nullptr;
    if (nargs < 1) return raise_format(&TypeError_Type, "throw expected at least 1 argument, got %zu", nargs);
    if (nargs > 3) return raise_format(&TypeError_Type, "throw expected at most 3 arguments, got %zu", nargs);
    return gen_throw_impl(G(self), args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}
Object* gen_close_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "close");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
    return gen_close_impl(G(self));
}
static Object* self_iter(Object* o) { return newref(o); }

static Object* gen_repr(Object* o) {
    char buf[64];
    snprintf(buf, sizeof buf, " at %p>", object_address_ptr(o));
    return new_str("<generator object " + str_value(G(o)->gi_qualname) + buf);
}

Object* gen_get_frame(Object* o) {
    GenObject* gen = G(o);
    if (gen->gi_frame_state == FRAME_CLEARED) return none();
    FrameObject* f = frame_object_for(gen->iframe());
    return f ? newref(static_cast<Object*>(f)) : nullptr;
}
Object* gen_get_running(Object* o) { return new_bool(G(o)->gi_frame_state == FRAME_EXECUTING); }
Object* gen_get_suspended(Object* o) { return new_bool(G(o)->gi_frame_state == FRAME_SUSPENDED); }
Object* gen_get_code(Object* o) { return newref(G(o)->gi_code); }
Object* gen_get_yieldfrom(Object* o) {
    Object* yf = gen_yieldfrom(G(o));
    return yf ? newref(yf) : none();
}
Object* gen_get_name(Object* o) { return newref(G(o)->gi_name); }
int gen_set_name(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "__name__ must be set to a string object");
        return -1;
    }
    setref(&G(o)->gi_name, newref(v));
    if (t_sink) [[unlikely]] trace_fields_changed(o);
    return 0;
}
Object* gen_get_qualname(Object* o) { return newref(G(o)->gi_qualname); }
int gen_set_qualname(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "__qualname__ must be set to a string object");
        return -1;
    }
    setref(&G(o)->gi_qualname, newref(v));
    if (t_sink) [[unlikely]] trace_fields_changed(o);
    return 0;
}

// _PyGen_Finalize: a generator that is not finished is closed; errors are unraisable.
void gen_finalize(Object* self) {
    GenObject* gen = G(self);
    if (gen->gi_frame_state >= FRAME_COMPLETED) return;
    // An async generator with a finalizer hook (captured at its first iteration) is
    // handed to the hook instead of being closed here.
    if (is_async_gen(gen) && gen->gi_origin_or_finalizer && !gen->ag_closed) {
        async_gen_call_finalizer(gen, gen->gi_origin_or_finalizer);
        return;
    }
    Object* saved = err_fetch();
    if (is_coroutine(gen) && gen->gi_frame_state == FRAME_CREATED) {
        // Never awaited: a RuntimeWarning instead of close().
        warn_unawaited_coroutine(gen);
        if (err_occurred()) write_unraisable(self);
        err_restore(saved);
        return;
    }
    if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::Finalizer;
        trace_created(self);
        ev.subject = self->ob_trace_id;
        ev.text = "generator close";
        t_sink->on_event(ev);
    }
    Object* res = gen_close_impl(gen);
    if (!res) {
        if (err_occurred()) write_unraisable(self);
    } else {
        decref(res);
    }
    err_restore(saved);
}

void gen_dealloc(Object* self) {
    GenObject* gen = G(self);
    gc_untrack(self);
    if (gen->gi_weakreflist) clear_weakrefs(self);
    gc_track(self);
    if (call_finalizer_from_dealloc(self)) return;  // resurrected
    gc_untrack(self);
    if (is_async_gen(gen)) clearref(&gen->gi_origin_or_finalizer);  // ag_finalizer, before the frame
    if (gen->gi_frame_state < FRAME_CLEARED) {
        Frame* frame = gen->iframe();
        gen->gi_frame_state = FRAME_CLEARED;
        frame->previous = nullptr;
        clear_frame_locals(frame);
    }
    if (t_sink) [[unlikely]] trace_frame_gone(gen->iframe());
    if (is_coroutine(gen)) clearref(&gen->gi_origin_or_finalizer);  // cr_origin
    clearref(&gen->gi_code);
    clearref(&gen->gi_name);
    clearref(&gen->gi_qualname);
    clearref(&gen->gi_exc_state.exc_value);
    free_object(self);
}

static int frame_traverse_interp(Frame* f, VisitFn visit, void* arg) {
    if (f->frame_obj) if (int r = visit(f->frame_obj, arg)) return r;
    if (f->f_locals) if (int r = visit(f->f_locals, arg)) return r;
    if (f->f_func) if (int r = visit(f->f_func, arg)) return r;
    if (int r = visit(f->f_code, arg)) return r;
    Object** lp = f->localsplus();
    for (int i = 0; i < f->stacktop; i++)
        if (lp[i]) if (int r = visit(lp[i], arg)) return r;
    return 0;
}

int gen_traverse(Object* o, VisitFn visit, void* arg) {
    GenObject* gen = G(o);
    // ag_finalizer may be part of a cycle; cr_origin holds only tuples of str/int.
    if (is_async_gen(gen) && gen->gi_origin_or_finalizer)
        if (int r = visit(gen->gi_origin_or_finalizer, arg)) return r;
    for (Object* x : {gen->gi_code, gen->gi_name, gen->gi_qualname})
        if (x) if (int r = visit(x, arg)) return r;
    if (gen->gi_frame_state < FRAME_CLEARED)
        if (int r = frame_traverse_interp(gen->iframe(), visit, arg)) return r;
    if (gen->gi_exc_state.exc_value) return visit(gen->gi_exc_state.exc_value, arg);
    return 0;
}

// Field names carry the type's prefix (gi_ / cr_ / ag_), as CPython's structs do;
// interned once per recording (they are re-reported at every event of the generator).
namespace {
struct GenFieldNames {
    FieldName code, weakreflist, name, qualname, exc_value, previous_item, frame_state, iframe;
};
#define YS_GEN_FIELD_NAMES(p)                                                                    \
    GenFieldNames {                                                                              \
        FieldName(p "code"), FieldName(p "weakreflist"), FieldName(p "name"),                    \
            FieldName(p "qualname"), FieldName(p "exc_state.exc_value"),                         \
            FieldName(p "exc_state.previous_item"), FieldName(p "frame_state"), FieldName(p "iframe") \
    }
thread_local GenFieldNames t_gi_names = YS_GEN_FIELD_NAMES("gi_");
thread_local GenFieldNames t_cr_names = YS_GEN_FIELD_NAMES("cr_");
thread_local GenFieldNames t_ag_names = YS_GEN_FIELD_NAMES("ag_");
#undef YS_GEN_FIELD_NAMES
thread_local FieldName t_cr_origin("cr_origin"), t_ag_hooks_inited("ag_hooks_inited"), t_ag_closed("ag_closed"),
    t_ag_running_async("ag_running_async"), t_ag_finalizer("ag_finalizer");
}  // namespace

void gen_trace_fields(Object* o, trace::TraceSink* sink) {
    (void)sink;  // always the reporting wrapper, reached through trace_set*
    GenObject* gen = G(o);
    uint64_t id = o->ob_trace_id;
    GenFieldNames& n = is_coroutine(o) ? t_cr_names : is_async_gen(o) ? t_ag_names : t_gi_names;
    // Re-read at every event of the generator, these four rarely change: the code and
    // names are held by the generator (the name setters say when they change), the weak
    // list head is keyed by its trace id too (a new weakref may reuse a dead one's memory).
    Object* weak = gen->gi_weakreflist;
    const auto key = [](const void* p) { return reinterpret_cast<uintptr_t>(p); };
    if (!trace_fields_unchanged(id, {key(gen->gi_code), key(weak), weak ? weak->ob_trace_id : 0, key(gen->gi_name),
                                     key(gen->gi_qualname)})) {
        trace_created(gen->gi_code);
        trace_set_ref(id, n.code, gen->gi_code->ob_trace_id);
        trace_set_object(id, n.weakreflist, weak);
        trace_set_object(id, n.name, gen->gi_name);
        trace_set_object(id, n.qualname, gen->gi_qualname);
    }
    trace_set_object(id, n.exc_value, gen->gi_exc_state.exc_value);
    trace_set_ref(id, n.previous_item, exc_item_owner(gen->gi_exc_state.previous_item));
    trace_set_text(id, n.frame_state, state_name(gen->gi_frame_state));
    if (is_coroutine(o)) {
        Object* origin = gen->gi_origin_or_finalizer;
        trace_set(id, t_cr_origin, origin ? trace::Value::inline_text(repr_string(origin)) : trace::Value::null());
    } else if (is_async_gen(o)) {
        trace_set_int(id, t_ag_hooks_inited, gen->ag_hooks_inited);
        trace_set_int(id, t_ag_closed, gen->ag_closed);
        trace_set_int(id, t_ag_running_async, gen->ag_running_async);
        trace_set_object(id, t_ag_finalizer, gen->gi_origin_or_finalizer);
    }
    Frame* f = gen->iframe();
    if (gen->gi_frame_state < FRAME_CLEARED) {
        trace_set_ref(id, n.iframe, frame_trace_id(f));
        report_frame_fields(f);
    } else {
        trace_set_ref(id, n.iframe, 0);
        trace_frame_gone(f);
    }
}

void init_generator_type() {
    Type* t = &Generator_Type;
    t->tp_name = "generator";
    t->tp_basicsize = sizeof(GenObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = gen_dealloc;
    t->tp_traverse = gen_traverse;
    t->tp_finalize = gen_finalize;
    t->tp_repr = gen_repr;
    t->tp_iter = self_iter;
    t->tp_iternext = gen_iternext;
    t->tp_trace_fields = gen_trace_fields;
    t->tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t->tp_methods = {{"send", gen_send_meth}, {"throw", gen_throw_meth}, {"close", gen_close_meth}};
    t->tp_getset = {{"gi_frame", gen_get_frame},
                    {"gi_running", gen_get_running},
                    {"gi_suspended", gen_get_suspended},
                    {"gi_code", gen_get_code},
                    {"gi_yieldfrom", gen_get_yieldfrom},
                    {"__name__", gen_get_name, gen_set_name},
                    {"__qualname__", gen_get_qualname, gen_set_qualname}};
    init_coroutine_types();
    init_asyncgen_types();
}

}  // namespace ys::vm
