// Coroutines (PEP 492) as in Objects/genobject.c of CPython 3.11: the `coroutine`
// type (a generator underneath: same struct, same send/throw/close machinery in
// generator.cpp), its `__await__` wrapper, the awaitable protocol `await` uses
// (_PyCoro_GetAwaitableIter) and cr_origin.
#include <cstdio>

#include "vm/genobject.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Coroutine_Type;
Type CoroWrapper_Type;

bool gen_is_coroutine(Object* o) {
    if (o->ob_type != &Generator_Type) return false;
    auto* code = static_cast<CodeObj*>(static_cast<GenObject*>(o)->gi_code);
    return (code->flags & CO_ITERABLE_COROUTINE) != 0;
}

bool check_no_args(size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames) > 0) {
        raise(&TypeError_Type, "wrapper takes no keyword arguments");
        return false;
    }
    if (nargs != 0) {
        raise_format(&TypeError_Type, "expected 0 arguments, got %zu", nargs);
        return false;
    }
    return true;
}

Object* type_am_await(Type* t) { return type_lookup(t, intern("__await__")); }

Object* coro_get_awaitable_iter(Object* o) {
    if (is_coroutine(o) || gen_is_coroutine(o)) return newref(o);
    Object* getter = type_am_await(o->ob_type);
    if (!getter)
        return raise_format(&TypeError_Type, "object %s can't be used in 'await' expression", type_name(o));
    Object* res;
    if (DescrGetFn get = getter->ob_type->tp_descr_get) {
        Object* bound = get(getter, o, o->ob_type);
        if (!bound) return nullptr;
        res = call0(bound);
        decref(bound);
    } else {
        res = call1(getter, o);
    }
    if (!res) return nullptr;
    if (is_coroutine(res) || gen_is_coroutine(res)) {
        decref(res);
        return raise(&TypeError_Type, "__await__() returned a coroutine");
    }
    if (!res->ob_type->tp_iternext) {
        raise_format(&TypeError_Type, "__await__() returned non-iterator of type '%s'", type_name(res));
        decref(res);
        return nullptr;
    }
    return res;
}

// The creating frames, innermost first: (co_filename, line, co_name) each.
Object* compute_cr_origin(int depth, Frame* f) {
    int count = 0;
    for (Frame* x = f; x && count < depth; x = x->previous) count++;
    Object* origin = new_tuple(count);
    if (!origin) return nullptr;
    Frame* x = f;
    for (int i = 0; i < count; i++, x = x->previous) {
        Object* line = new_int(x->lineno());
        Object* info = line ? tuple_pack({x->f_code->co_filename, line, x->f_code->co_name}) : nullptr;
        xdecref(line);
        if (!info) {
            decref(origin);
            return nullptr;
        }
        tuple_items(origin)[i] = info;
    }
    return origin;
}

// ---- the coroutine type
// coroutine_wrapper: what coro.__await__() returns; drives the coroutine.
struct CoroWrapperObject : Object {
    Object* cw_coroutine;  // strong
};

static GenObject* G(Object* o) { return static_cast<GenObject*>(o); }

static Object* coro_repr(Object* o) {
    char buf[64];
    snprintf(buf, sizeof buf, " at %p>", object_address_ptr(o));
    return new_str("<coroutine object " + str_value(G(o)->gi_qualname) + buf);
}

static Object* coro_await(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!check_no_args(nargs, kwnames)) return nullptr;
    auto* cw = static_cast<CoroWrapperObject*>(alloc_object(&CoroWrapper_Type, sizeof(CoroWrapperObject)));
    if (!cw) return nullptr;
    cw->cw_coroutine = newref(self);
    gc_track(cw);
    return cw;
}

static Object* cr_origin(Object* o) {
    Object* origin = G(o)->gi_origin_or_finalizer;
    return origin ? newref(origin) : none();
}

// ---- coroutine_wrapper
static Object* wrapped(Object* o) { return static_cast<CoroWrapperObject*>(o)->cw_coroutine; }

static void cw_dealloc(Object* o) {
    gc_untrack(o);
    clearref(&static_cast<CoroWrapperObject*>(o)->cw_coroutine);
    free_object(o);
}
static int cw_traverse(Object* o, VisitFn visit, void* arg) {
    Object* c = wrapped(o);
    return c ? visit(c, arg) : 0;
}
static Object* cw_iternext(Object* o) { return gen_iternext(wrapped(o)); }
// Argument errors name the wrapper ("coroutine_wrapper.send()"), then the coroutine runs.
static Object* cw_send(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "send");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 1, 1)) return nullptr;
    return gen_send_ex(static_cast<GenObject*>(wrapped(self)), args[0], false, false);
}
static Object* cw_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(method_name(self, "throw").c_str(), kwnames)) return nullptr;
    return gen_throw_meth(wrapped(self), args, nargs, nullptr);
}
static Object* cw_close(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    std::string name = method_name(self, "close");
    if (!no_kwargs(name.c_str(), kwnames) || !check_nargs(name.c_str(), nargs, 0, 0)) return nullptr;
    return gen_close_impl(static_cast<GenObject*>(wrapped(self)));
}
static Object* self_iter(Object* o) { return newref(o); }

void init_coroutine_types() {
    Type* t = &Coroutine_Type;
    t->tp_name = "coroutine";
    t->tp_basicsize = sizeof(GenObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = gen_dealloc;
    t->tp_traverse = gen_traverse;
    t->tp_finalize = gen_finalize;
    t->tp_repr = coro_repr;
    t->tp_trace_fields = gen_trace_fields;
    t->tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t->tp_methods = {{"send", gen_send_meth},
                     {"throw", gen_throw_meth},
                     {"close", gen_close_meth},
                     {"__await__", coro_await}};
    t->tp_getset = {{"cr_await", gen_get_yieldfrom},
                    {"cr_frame", gen_get_frame},
                    {"cr_running", gen_get_running},
                    {"cr_code", gen_get_code},
                    {"cr_suspended", gen_get_suspended},
                    {"cr_origin", cr_origin},
                    {"__name__", gen_get_name, gen_set_name},
                    {"__qualname__", gen_get_qualname, gen_set_qualname}};

    Type* w = &CoroWrapper_Type;
    w->tp_name = "coroutine_wrapper";
    w->tp_basicsize = sizeof(CoroWrapperObject);
    w->tp_flags = TPF_HAVE_GC;
    w->tp_dealloc = cw_dealloc;
    w->tp_traverse = cw_traverse;
    w->tp_iter = self_iter;
    w->tp_iternext = cw_iternext;
    w->tp_methods = {{"send", cw_send}, {"throw", cw_throw}, {"close", cw_close}};
}

}  // namespace ys::vm
