// Asynchronous generators (PEP 525) as in Objects/genobject.c of CPython 3.11: the
// `async_generator` type (a generator underneath), the awaitables its __anext__ /
// asend / athrow / aclose return, and the wrapper that marks a value as yielded by
// `yield` (ASYNC_GEN_WRAP) rather than by an inner `await`. asend objects and wrapped
// values are recycled through free lists as CPython does, so id() shows the reuse.
#include <cstdio>
#include <cstdlib>

#include "vm/genobject.h"
#include "vm/trace_report.h"

namespace ys::vm {

// The flags are reported fields (REPORTING.md): a change is re-read at the next event.
static void set_ag_running_async(GenObject* gen, bool running) {
    gen->ag_running_async = running;
    if (t_sink) [[unlikely]] trace_mark_dirty(gen);
}
static void set_ag_closed(GenObject* gen) {
    gen->ag_closed = true;
    if (t_sink) [[unlikely]] trace_mark_dirty(gen);
}

Type AsyncGen_Type;
Type AsyncGenASend_Type;
Type AsyncGenAThrow_Type;
Type AsyncGenWrappedValue_Type;

enum AwaitableState : uint8_t {
    AWAITABLE_STATE_INIT,    // new, not iterated yet
    AWAITABLE_STATE_ITER,    // being iterated
    AWAITABLE_STATE_CLOSED,  // done
};

struct ASendObject : Object {
    GenObject* ags_gen;    // strong
    Object* ags_sendval;   // strong or null (__anext__: asend(None))
    uint8_t ags_state;
};

struct AThrowObject : Object {
    GenObject* agt_gen;    // strong
    Object* agt_args;      // strong tuple, or null in aclose() mode
    uint8_t agt_state;
};

struct WrappedValueObject : Object {
    Object* agw_val;       // strong
};

static const char* const kIgnoredExit = "async generator ignored GeneratorExit";

// ---- free lists (_PyAsyncGen_MAXFREELIST): per runtime, released with it.
static constexpr size_t kMaxFreeList = 80;

struct AsyncGenFreeLists {
    std::vector<Object*> asend, value;
    ~AsyncGenFreeLists() {
        // Their fields were cleared when they were put here: only the memory is left.
        for (Object* o : asend) std::free(as_gc(o));
        for (Object* o : value) std::free(as_gc(o));
    }
};

static AsyncGenFreeLists& free_lists() {
    Runtime& r = rt();
    if (!r.async_gen_freelists) r.async_gen_freelists = std::make_shared<AsyncGenFreeLists>();
    return *r.async_gen_freelists;
}

// The end of the object's life as far as the trace goes; its memory stays for reuse.
static bool push_free(std::vector<Object*>& list, Object* o) {
    if (!t_rt || list.size() >= kMaxFreeList) return false;
    if (o->ob_trace_id && t_sink) {
        trace_forget(o);
        t_sink->on_object_freed(o->ob_trace_id);
    }
    o->ob_trace_id = 0;
    list.push_back(o);
    return true;
}

static Object* pop_free(std::vector<Object*>& list) {
    if (list.empty()) return nullptr;
    Object* o = list.back();
    list.pop_back();
    o->ob_refcnt = 1;  // _Py_NewReference
    if (t_sink) [[unlikely]] {
        trace_created(o);
        trace::Event ev;
        ev.kind = trace::EventKind::FreeListReuse;
        ev.subject = o->ob_trace_id;
        ev.text = o->ob_type->tp_name;
        if (Frame* f = rt().current_frame) {
            ev.line = f->lineno();
            ev.lasti = f->lasti_bytes();
        }
        t_sink->on_event(ev);
    }
    return o;
}

// ---- the wrapped value
Object* async_gen_value_wrapper_new(Object* value) {
    auto* o = static_cast<WrappedValueObject*>(pop_free(free_lists().value));
    if (!o) {
        o = static_cast<WrappedValueObject*>(alloc_object(&AsyncGenWrappedValue_Type, sizeof(WrappedValueObject)));
        if (!o) return nullptr;
    }
    o->agw_val = newref(value);
    gc_track(o);
    return o;
}

static void wrapped_value_dealloc(Object* self) {
    gc_untrack(self);
    clearref(&static_cast<WrappedValueObject*>(self)->agw_val);
    if (!push_free(free_lists().value, self)) free_object(self);
}

static int wrapped_value_traverse(Object* self, VisitFn visit, void* arg) {
    Object* v = static_cast<WrappedValueObject*>(self)->agw_val;
    return v ? visit(v, arg) : 0;
}

// The async generator's frame produced `result` (or failed): a wrapped value is an
// `async yield` and ends this step with StopIteration(value); anything else came from
// an inner await and passes through to whoever drives the awaitable.
static Object* async_gen_unwrap_value(GenObject* gen, Object* result) {
    if (!result) {
        if (!err_occurred()) raise_object(&StopAsyncIteration_Type, nullptr);
        if (err_matches(&StopAsyncIteration_Type) || err_matches(&GeneratorExit_Type)) set_ag_closed(gen);
        set_ag_running_async(gen, false);
        return nullptr;
    }
    if (result->ob_type == &AsyncGenWrappedValue_Type) {
        set_stop_iteration_value(static_cast<WrappedValueObject*>(result)->agw_val);
        decref(result);
        set_ag_running_async(gen, false);
        return nullptr;
    }
    return result;
}

// ---- asend / __anext__
static Object* asend_new(GenObject* gen, Object* sendval) {
    auto* o = static_cast<ASendObject*>(pop_free(free_lists().asend));
    if (!o) {
        o = static_cast<ASendObject*>(alloc_object(&AsyncGenASend_Type, sizeof(ASendObject)));
        if (!o) return nullptr;
    }
    incref(gen);
    o->ags_gen = gen;
    o->ags_sendval = sendval ? newref(sendval) : nullptr;
    o->ags_state = AWAITABLE_STATE_INIT;
    gc_track(o);
    return o;
}

static ASendObject* AS(Object* o) { return static_cast<ASendObject*>(o); }

static void asend_dealloc(Object* self) {
    gc_untrack(self);
    ASendObject* o = AS(self);
    Object* gen = o->ags_gen;
    o->ags_gen = nullptr;
    xdecref(gen);
    clearref(&o->ags_sendval);
    if (!push_free(free_lists().asend, self)) free_object(self);
}

static int asend_traverse(Object* self, VisitFn visit, void* arg) {
    ASendObject* o = AS(self);
    if (o->ags_gen) if (int r = visit(o->ags_gen, arg)) return r;
    return o->ags_sendval ? visit(o->ags_sendval, arg) : 0;
}

static bool reject_reuse_or_reentry(uint8_t* state, GenObject* gen, const char* reuse_msg, const char* running_msg) {
    if (*state == AWAITABLE_STATE_CLOSED) {
        raise(&RuntimeError_Type, reuse_msg);
        return true;
    }
    if (*state == AWAITABLE_STATE_INIT && gen->ag_running_async) {
        *state = AWAITABLE_STATE_CLOSED;
        raise(&RuntimeError_Type, running_msg);
        return true;
    }
    return false;
}

static Object* asend_send_impl(ASendObject* o, Object* arg) {
    if (reject_reuse_or_reentry(&o->ags_state, o->ags_gen, "cannot reuse already awaited __anext__()/asend()",
                                "anext(): asynchronous generator is already running"))
        return nullptr;
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (!arg || arg == YS_None) arg = o->ags_sendval;
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    GenObject* gen = o->ags_gen;
    set_ag_running_async(gen, true);
    Object* result = async_gen_unwrap_value(gen, gen_send_ex(gen, arg, false, false));
    if (!result) o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static Object* asend_iternext(Object* self) { return asend_send_impl(AS(self), nullptr); }

static Object* asend_send(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "send");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
    return asend_send_impl(AS(self), args[0]);
}

static Object* asend_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    ASendObject* o = AS(self);
    if (reject_reuse_or_reentry(&o->ags_state, o->ags_gen, "cannot reuse already awaited __anext__()/asend()",
                                "anext(): asynchronous generator is already running"))
        return nullptr;
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        o->ags_state = AWAITABLE_STATE_ITER;
        set_ag_running_async(o->ags_gen, true);
    }
    Object* result = async_gen_unwrap_value(o->ags_gen, gen_throw_meth(o->ags_gen, args, nargs, kwnames));
    if (!result) {
        set_ag_running_async(o->ags_gen, false);
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static Object* awaitable_close(Object* self, uint8_t* state, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "close");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
    *state = AWAITABLE_STATE_CLOSED;
    return none();
}
static Object* asend_close(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    return awaitable_close(self, &AS(self)->ags_state, nargs, kwnames);
}

// ---- athrow / aclose
static AThrowObject* AT(Object* o) { return static_cast<AThrowObject*>(o); }

static Object* athrow_new(GenObject* gen, Object* args) {
    auto* o = static_cast<AThrowObject*>(alloc_object(&AsyncGenAThrow_Type, sizeof(AThrowObject)));
    if (!o) return nullptr;
    incref(gen);
    o->agt_gen = gen;
    o->agt_args = args ? newref(args) : nullptr;
    o->agt_state = AWAITABLE_STATE_INIT;
    gc_track(o);
    return o;
}

static void athrow_dealloc(Object* self) {
    gc_untrack(self);
    AThrowObject* o = AT(self);
    Object* gen = o->agt_gen;
    o->agt_gen = nullptr;
    xdecref(gen);
    clearref(&o->agt_args);
    free_object(self);
}

static int athrow_traverse(Object* self, VisitFn visit, void* arg) {
    AThrowObject* o = AT(self);
    if (o->agt_gen) if (int r = visit(o->agt_gen, arg)) return r;
    return o->agt_args ? visit(o->agt_args, arg) : 0;
}

static const char* athrow_running_msg(AThrowObject* o) {
    return o->agt_args ? "athrow(): asynchronous generator is already running"
                       : "aclose(): asynchronous generator is already running";
}

// The generator yielded a value while being closed: "ignored GeneratorExit".
static Object* athrow_yield_close(AThrowObject* o) {
    set_ag_running_async(o->agt_gen, false);
    o->agt_state = AWAITABLE_STATE_CLOSED;
    return raise(&RuntimeError_Type, kIgnoredExit);
}

// The step failed: aclose() turns the generator's end into a plain StopIteration.
static Object* athrow_check_error(AThrowObject* o) {
    set_ag_running_async(o->agt_gen, false);
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if ((err_matches(&StopAsyncIteration_Type) || err_matches(&GeneratorExit_Type)) && !o->agt_args) {
        err_clear();
        raise_object(&StopIteration_Type, nullptr);
    }
    return nullptr;
}

static Object* athrow_first_step(AThrowObject* o) {
    GenObject* gen = o->agt_gen;
    Object* retval;
    if (!o->agt_args) {
        set_ag_closed(gen);  // aclose(): GeneratorExit must not close it right away
        retval = gen_throw_inner(gen, false, &GeneratorExit_Type, nullptr, nullptr);
        if (retval && retval->ob_type == &AsyncGenWrappedValue_Type) {
            decref(retval);
            return athrow_yield_close(o);
        }
    } else {
        size_t n = static_cast<size_t>(tuple_size(o->agt_args));
        if (n < 1) return raise_format(&TypeError_Type, "athrow expected at least 1 argument, got %zu", n);
        if (n > 3) return raise_format(&TypeError_Type, "athrow expected at most 3 arguments, got %zu", n);
        Object** a = tuple_items(o->agt_args);
        retval = gen_throw_inner(gen, false, a[0], n > 1 ? a[1] : nullptr, n > 2 ? a[2] : nullptr);
        retval = async_gen_unwrap_value(gen, retval);
    }
    return retval ? retval : athrow_check_error(o);
}

static Object* athrow_send_impl(AThrowObject* o, Object* arg) {
    GenObject* gen = o->agt_gen;
    if (o->agt_state == AWAITABLE_STATE_CLOSED)
        return raise(&RuntimeError_Type, "cannot reuse already awaited aclose()/athrow()");
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        return raise_object(&StopIteration_Type, nullptr);
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (gen->ag_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            return raise(&RuntimeError_Type, athrow_running_msg(o));
        }
        if (gen->ag_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            return raise_object(&StopAsyncIteration_Type, nullptr);
        }
        if (arg != YS_None) return raise(&RuntimeError_Type, "can't send non-None value to a just-started coroutine");
        o->agt_state = AWAITABLE_STATE_ITER;
        set_ag_running_async(gen, true);
        return athrow_first_step(o);
    }
    Object* retval = gen_send_ex(gen, arg, false, false);
    if (o->agt_args) return async_gen_unwrap_value(gen, retval);
    if (!retval) return athrow_check_error(o);
    if (retval->ob_type == &AsyncGenWrappedValue_Type) {
        decref(retval);
        return athrow_yield_close(o);
    }
    return retval;
}

static Object* athrow_iternext(Object* self) { return athrow_send_impl(AT(self), YS_None); }

static Object* athrow_send(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "send");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
    return athrow_send_impl(AT(self), args[0]);
}

static Object* athrow_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    AThrowObject* o = AT(self);
    GenObject* gen = o->agt_gen;
    if (reject_reuse_or_reentry(&o->agt_state, gen, "cannot reuse already awaited aclose()/athrow()",
                                athrow_running_msg(o)))
        return nullptr;
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        o->agt_state = AWAITABLE_STATE_ITER;
        set_ag_running_async(gen, true);
    }
    Object* retval = gen_throw_meth(gen, args, nargs, kwnames);
    if (o->agt_args) {
        retval = async_gen_unwrap_value(gen, retval);
        if (!retval) {
            set_ag_running_async(gen, false);
            o->agt_state = AWAITABLE_STATE_CLOSED;
        }
        return retval;
    }
    if (retval && retval->ob_type == &AsyncGenWrappedValue_Type) {
        decref(retval);
        return athrow_yield_close(o);
    }
    if (!retval) return athrow_check_error(o);
    return retval;
}

static Object* athrow_close(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    return awaitable_close(self, &AT(self)->agt_state, nargs, kwnames);
}

// ---- the async generator
static GenObject* G(Object* o) { return static_cast<GenObject*>(o); }

Object* async_gen_anext(Object* o) {
    if (async_gen_init_hooks(G(o)) < 0) return nullptr;
    return asend_new(G(o), nullptr);
}

static Object* ag_anext_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!check_no_args(nargs, kwnames)) return nullptr;
    return async_gen_anext(self);
}
static Object* ag_aiter_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!check_no_args(nargs, kwnames)) return nullptr;
    return newref(self);
}
static Object* ag_asend(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "asend");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
    if (async_gen_init_hooks(G(self)) < 0) return nullptr;
    return asend_new(G(self), args[0]);
}
static Object* ag_athrow(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(method_name(self, "athrow").c_str(), kwnames)) return nullptr;
    Object* t = tuple_from(args, static_cast<intptr_t>(nargs));
    if (!t) return nullptr;
    Object* res = async_gen_init_hooks(G(self)) < 0 ? nullptr : athrow_new(G(self), t);
    decref(t);
    return res;
}
static Object* ag_aclose(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "aclose");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
    if (async_gen_init_hooks(G(self)) < 0) return nullptr;
    return athrow_new(G(self), nullptr);
}

static Object* ag_repr(Object* o) {
    char buf[64];
    snprintf(buf, sizeof buf, " at %p>", object_address_ptr(o));
    return new_str("<async_generator object " + str_value(G(o)->gi_qualname) + buf);
}

static Object* ag_running(Object* o) { return new_bool(G(o)->ag_running_async); }

// __await__ of the asend / athrow awaitables: themselves (am_await = self iter).
static Object* self_await(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!check_no_args(nargs, kwnames)) return nullptr;
    return newref(self);
}
static Object* self_iter(Object* o) { return newref(o); }

void init_asyncgen_types() {
    Type* t = &AsyncGen_Type;
    t->tp_name = "async_generator";
    t->tp_basicsize = sizeof(GenObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = gen_dealloc;
    t->tp_traverse = gen_traverse;
    t->tp_finalize = gen_finalize;
    t->tp_repr = ag_repr;
    t->tp_trace_fields = gen_trace_fields;
    t->tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t->tp_methods = {{"asend", ag_asend},         {"athrow", ag_athrow},       {"aclose", ag_aclose},
                     {"__aiter__", ag_aiter_meth}, {"__anext__", ag_anext_meth}};
    t->tp_getset = {{"__name__", gen_get_name, gen_set_name},
                    {"__qualname__", gen_get_qualname, gen_set_qualname},
                    {"ag_await", gen_get_yieldfrom},
                    {"ag_frame", gen_get_frame},
                    {"ag_code", gen_get_code},
                    {"ag_running", ag_running}};

    Type* s = &AsyncGenASend_Type;
    s->tp_name = "async_generator_asend";
    s->tp_basicsize = sizeof(ASendObject);
    s->tp_flags = TPF_HAVE_GC;
    s->tp_dealloc = asend_dealloc;
    s->tp_traverse = asend_traverse;
    s->tp_iter = self_iter;
    s->tp_iternext = asend_iternext;
    s->tp_methods = {{"send", asend_send}, {"throw", asend_throw}, {"close", asend_close}, {"__await__", self_await}};

    Type* a = &AsyncGenAThrow_Type;
    a->tp_name = "async_generator_athrow";
    a->tp_basicsize = sizeof(AThrowObject);
    a->tp_flags = TPF_HAVE_GC;
    a->tp_dealloc = athrow_dealloc;
    a->tp_traverse = athrow_traverse;
    a->tp_iter = self_iter;
    a->tp_iternext = athrow_iternext;
    a->tp_methods = {{"send", athrow_send}, {"throw", athrow_throw}, {"close", athrow_close}, {"__await__", self_await}};

    Type* w = &AsyncGenWrappedValue_Type;
    w->tp_name = "async_generator_wrapped_value";
    w->tp_basicsize = sizeof(WrappedValueObject);
    w->tp_flags = TPF_HAVE_GC;
    w->tp_dealloc = wrapped_value_dealloc;
    w->tp_traverse = wrapped_value_traverse;
}

}  // namespace ys::vm
