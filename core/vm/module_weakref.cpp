// The `weakref` front-end over weakref_core.cpp: ref, getweakrefcount, proxy
// (ProxyType, ReferenceError once the referent is gone) and finalize, which follows
// Lib/weakref.py: a registry dict maps each live finalizer to its info list
// [weakref, func, args, kwargs, atexit, index]; the weakref's callback is the
// finalizer itself; at exit the atexit ones run newest first with gc disabled.
#include <cstdio>

#include "vm/builtins_util.h"
#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/weakref.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type ReferenceError_Type, Proxy_Type, Finalize_Type;

// ---- ReferenceError: a builtin exception CPython has and the core does not define.
void init_reference_error_type() {
    Type* t = &ReferenceError_Type;
    t->tp_name = "ReferenceError";
    t->tp_base = &Exception_Type;
    t->tp_basicsize = sizeof(ExceptionObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC | TPF_BASE_EXC_SUBCLASS;
    t->tp_doc = "Weak ref proxy used after referent went away.";
    t->tp_new = Exception_Type.tp_new;
    type_ready(t);
}

// ---- proxy
struct ProxyObject : Object {
    Object* ref;  // a weakref.ref to the referent
};
static Object* proxy_target(Object* p) {  // borrowed, or null + ReferenceError
    Object* o = weakref_get(static_cast<ProxyObject*>(p)->ref);
    if (o == YS_None) return raise(&ReferenceError_Type, "weakly-referenced object no longer exists");
    return o;
}
static Object* proxy_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return nullptr;
    Object* ref = new_weakref(args[0], nargs > 1 ? args[1] : nullptr);
    if (!ref) return nullptr;
    auto* p = alloc<ProxyObject>(&Proxy_Type);
    if (!p) {
        decref(ref);
        return nullptr;
    }
    p->ref = ref;
    gc_track(p);
    return p;
}
static void proxy_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<ProxyObject*>(o)->ref);
    free_object(o);
}
static int proxy_traverse(Object* o, VisitFn visit, void* arg) {
    Object* r = static_cast<ProxyObject*>(o)->ref;
    return r ? visit(r, arg) : 0;
}
// Every forwarding slot holds a reference to the referent while it runs.
#define WITH_TARGET(p, obj, fail)      \
    Object* obj = proxy_target(p);     \
    if (!obj) return fail;             \
    incref(obj)
static Object* proxy_getattro(Object* p, Object* name) {
    WITH_TARGET(p, o, nullptr);
    Object* r = get_attr(o, name);
    decref(o);
    return r;
}
static int proxy_setattro(Object* p, Object* name, Object* value) {
    WITH_TARGET(p, o, -1);
    int r = set_attr(o, name, value);
    decref(o);
    return r;
}
static Object* proxy_call(Object* p, Object* const* args, size_t nargs, Object* kwnames) {
    WITH_TARGET(p, o, nullptr);
    Object* r = call(o, args, nargs, kwnames);
    decref(o);
    return r;
}
static Object* proxy_str(Object* p) {
    WITH_TARGET(p, o, nullptr);
    Object* r = object_str(o);
    decref(o);
    return r;
}
static Object* proxy_repr(Object* p) {
    char buf[200];
    Object* o = weakref_get(static_cast<ProxyObject*>(p)->ref);
    snprintf(buf, sizeof buf, "<weakproxy at %p to %s at %p>", object_address_ptr(p),
             o == YS_None ? "NoneType" : o->ob_type->tp_name.c_str(), object_address_ptr(o));
    return new_str(buf);
}
static int proxy_bool(Object* p) {
    WITH_TARGET(p, o, -1);
    int r = object_is_true(o);
    decref(o);
    return r;
}
static intptr_t proxy_len(Object* p) {
    WITH_TARGET(p, o, -1);
    intptr_t r = object_length(o);
    decref(o);
    return r;
}
static Object* proxy_getitem(Object* p, Object* key) {
    WITH_TARGET(p, o, nullptr);
    Object* r = get_item(o, key);
    decref(o);
    return r;
}
static int proxy_setitem(Object* p, Object* key, Object* value) {
    WITH_TARGET(p, o, -1);
    int r = set_item(o, key, value);
    decref(o);
    return r;
}
static int proxy_contains(Object* p, Object* x) {
    WITH_TARGET(p, o, -1);
    int r = contains(o, x);
    decref(o);
    return r;
}
static Object* proxy_iter(Object* p) {
    WITH_TARGET(p, o, nullptr);
    Object* r = get_iter(o);
    decref(o);
    return r;
}
static Object* proxy_richcompare(Object* a, Object* b, int op) {
    if (a->ob_type == &Proxy_Type) {
        a = proxy_target(a);
        if (!a) return nullptr;
    }
    if (b->ob_type == &Proxy_Type) {
        b = proxy_target(b);
        if (!b) return nullptr;
    }
    return rich_compare(a, b, op);
}
#undef WITH_TARGET

// ---- finalize
struct FinalizeObject : Object {
    Object* registry;  // the weakref module's registry dict (strong)
    Object* weaklist;
};
enum InfoSlot { kInfoRef, kInfoFunc, kInfoArgs, kInfoKwargs, kInfoAtexit, kInfoIndex, kInfoSize };
static constexpr const char* kRegistryKey = "_finalize_registry";
static constexpr const char* kIndexKey = "_finalize_index";

static Object* weakref_module_dict() {
    Object* m = dict_get_cstr(rt().modules, "weakref");
    return m ? static_cast<ModuleObject*>(m)->md_dict : nullptr;
}

static Object* finalize_info(Object* self) {  // borrowed or null (no error)
    return dict_get(static_cast<FinalizeObject*>(self)->registry, self);
}
static Object* info_get(Object* info, int slot) { return list_items(info)[static_cast<size_t>(slot)]; }

static Object* finalize_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs < 2)
        return raise_format(&TypeError_Type, "finalize.__init__() missing %zu required positional argument%s", 2 - nargs,
                            nargs == 1 ? ": 'func'" : "s: 'obj' and 'func'");
    Object* md = weakref_module_dict();
    Object* registry = md ? dict_get_cstr(md, kRegistryKey) : nullptr;
    Object* index = md ? dict_get_cstr(md, kIndexKey) : nullptr;
    if (!registry || !index) return raise(&RuntimeError_Type, "weakref module is not initialized");
    auto* f = alloc<FinalizeObject>(type, type->tp_basicsize);
    if (!f) return nullptr;
    f->registry = newref(registry);
    gc_track(f);
    Object* ref = new_weakref(args[0], f);
    if (!ref) {
        decref(f);
        return nullptr;
    }
    Object* fargs = tuple_from(args + 2, static_cast<intptr_t>(nargs - 2));
    Object* kwargs = YS_None;
    if (kwnames && tuple_size(kwnames)) {
        kwargs = new_dict();
        for (intptr_t i = 0; i < tuple_size(kwnames); i++)
            dict_set(kwargs, tuple_items(kwnames)[i], args[nargs + static_cast<size_t>(i)]);
    } else {
        incref(kwargs);
    }
    Object* info = new_list(kInfoSize);
    auto& v = list_items(info);
    v[kInfoRef] = ref;
    v[kInfoFunc] = newref(args[1]);
    v[kInfoArgs] = fargs;
    v[kInfoKwargs] = kwargs;
    v[kInfoAtexit] = new_bool(true);
    v[kInfoIndex] = newref(index);
    Object* next_index = new_int(int_value(index) + 1);
    dict_set_cstr(md, kIndexKey, next_index);
    decref(next_index);
    int r = dict_set(registry, f, info);
    decref(info);
    if (r < 0) {
        decref(f);
        return nullptr;
    }
    return f;
}

// Calls func(*args, **kwargs) of an info list.
static Object* call_info(Object* info) {
    Object* args = info_get(info, kInfoArgs);
    Object* kwargs = info_get(info, kInfoKwargs);
    std::vector<Object*> stack(tuple_items(args), tuple_items(args) + tuple_size(args));
    Object* kwnames = nullptr;
    if (kwargs != YS_None && dict_size(kwargs)) {
        kwnames = new_tuple(dict_size(kwargs));
        intptr_t pos = 0, i = 0;
        Object *k, *val;
        while (dict_next(kwargs, &pos, &k, &val)) {
            tuple_items(kwnames)[i++] = newref(k);
            stack.push_back(val);
        }
    }
    Object* r = call(info_get(info, kInfoFunc), stack.data(), static_cast<size_t>(tuple_size(args)), kwnames);
    xdecref(kwnames);
    return r;
}

// __call__(self, _=None): pops the info and calls func once.
static Object* finalize_call(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__call__", kwnames) || !check_nargs("__call__", nargs, 0, 1)) return nullptr;
    auto* f = static_cast<FinalizeObject*>(self);
    Object* info = finalize_info(self);
    if (!info) return none();
    incref(info);
    incref(self);  // the registry held the only reference, maybe
    dict_del(f->registry, self);
    // After the atexit pass (finalize._shutdown), finalizers are dropped, not run.
    bool shutdown = dict_get(f->registry, YS_None) != nullptr;
    Object* r = shutdown ? none() : call_info(info);
    decref(info);
    decref(self);
    return r;
}

static Object* finalize_detach_or_peek(Object* self, bool detach) {
    Object* info = finalize_info(self);
    if (!info) return none();
    Object* obj = weakref_get(info_get(info, kInfoRef));
    if (obj == YS_None) return none();
    incref(info);
    incref(obj);
    Object* kwargs = info_get(info, kInfoKwargs);
    Object* kw = kwargs == YS_None ? new_dict() : newref(kwargs);
    Object* r = tuple_pack({obj, info_get(info, kInfoFunc), info_get(info, kInfoArgs), kw});
    decref(kw);
    if (detach) dict_del(static_cast<FinalizeObject*>(self)->registry, self);
    decref(obj);
    decref(info);
    return r;
}
static Object* finalize_detach(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("detach", kwnames) || !check_nargs("detach", nargs, 0, 0)) return nullptr;
    return finalize_detach_or_peek(self, true);
}
static Object* finalize_peek(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("peek", kwnames) || !check_nargs("peek", nargs, 0, 0)) return nullptr;
    return finalize_detach_or_peek(self, false);
}
static Object* finalize_alive(Object* self) { return new_bool(finalize_info(self) != nullptr); }
static Object* finalize_get_atexit(Object* self) {
    Object* info = finalize_info(self);
    return new_bool(info && info_get(info, kInfoAtexit) == YS_True);
}
static int finalize_set_atexit(Object* self, Object* value) {
    if (!value) {
        raise(&AttributeError_Type, "can't delete attribute");
        return -1;
    }
    int t = object_is_true(value);
    if (t < 0) return -1;
    if (Object* info = finalize_info(self)) setref(&list_items(info)[kInfoAtexit], new_bool(t));
    return 0;
}
static Object* finalize_repr(Object* self) {
    char buf[200];
    Object* info = finalize_info(self);
    Object* obj = info ? weakref_get(info_get(info, kInfoRef)) : YS_None;
    if (obj == YS_None)
        snprintf(buf, sizeof buf, "<finalize object at %p; dead>", object_address_ptr(self));
    else
        snprintf(buf, sizeof buf, "<finalize object at %p; for '%s' at %p>", object_address_ptr(self),
                 obj->ob_type->tp_name.c_str(), object_address_ptr(obj));
    return new_str(buf);
}
static void finalize_dealloc(Object* o) {
    gc_untrack(o);
    if (Object** wl = weaklist_ptr(o); wl && *wl) clear_weakrefs(o);
    xdecref(static_cast<FinalizeObject*>(o)->registry);
    free_object(o);
}
static int finalize_traverse(Object* o, VisitFn visit, void* arg) {
    Object* r = static_cast<FinalizeObject*>(o)->registry;
    return r ? visit(r, arg) : 0;
}
static int finalize_clear(Object* o) {
    clearref(&static_cast<FinalizeObject*>(o)->registry);
    return 0;
}

// finalize._exitfunc: the live atexit finalizers, newest first, with gc disabled.
static void finalize_exitfunc(Object* registry) {
    GcState* gc = rt().gc;
    bool reenable = gc && gc->enabled;
    if (dict_size(registry) && gc) gc->enabled = false;
    while (true) {
        Object* last = nullptr;
        int64_t last_index = -1;
        intptr_t pos = 0;
        Object *k, *info;
        while (dict_next(registry, &pos, &k, &info)) {
            if (!is_list(info)) continue;  // the shutdown marker
            int64_t idx = int_value(info_get(info, kInfoIndex));
            if (info_get(info, kInfoAtexit) == YS_True && idx > last_index) {
                last = k;
                last_index = idx;
            }
        }
        if (!last) break;
        incref(last);
        Object* r = finalize_call(last, nullptr, 0, nullptr);
        if (!r) {
            // sys.excepthook(*sys.exc_info()): the traceback on stderr, then go on.
            Object* exc = err_fetch();
            std::string out;
            print_exception(exc, out);
            rt().write_out(out, 1);
            decref(exc);
        }
        xdecref(r);
        decref(last);
    }
    dict_set(registry, YS_None, YS_True);  // finalize._shutdown = True
    if (reenable) gc->enabled = true;
}

static Object* weakref_getweakrefcount(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("getweakrefcount", kwnames) || !check_nargs("getweakrefcount", nargs, 1, 1)) return nullptr;
    return new_int(weakref_count(args[0]));
}

static const MethodDef kWeakrefFunctions[] = {{"getweakrefcount", weakref_getweakrefcount}};

void init_weakref_lib_types() {
    init_reference_error_type();
    Type* p = &Proxy_Type;
    p->tp_name = "ProxyType";
    p->tp_module = intern("weakref");
    p->tp_basicsize = sizeof(ProxyObject);
    p->tp_flags = TPF_HAVE_GC;
    p->tp_dealloc = proxy_dealloc;
    p->tp_traverse = proxy_traverse;
    p->tp_getattro = proxy_getattro;
    p->tp_setattro = proxy_setattro;
    p->tp_call = proxy_call;
    p->tp_str = proxy_str;
    p->tp_repr = proxy_repr;
    p->tp_richcompare = proxy_richcompare;
    p->tp_iter = proxy_iter;
    p->nb_bool = proxy_bool;
    p->mp_length = proxy_len;
    p->mp_subscript = proxy_getitem;
    p->mp_ass_subscript = proxy_setitem;
    p->sq_contains = proxy_contains;
    p->tp_new = proxy_new;
    type_ready(p);
    // Proxies are unhashable, as CPython's.
    p->tp_hash = nullptr;

    Type* f = &Finalize_Type;
    f->tp_name = "finalize";
    f->tp_basicsize = sizeof(FinalizeObject);
    f->tp_flags = TPF_HAVE_GC | TPF_BASETYPE;
    f->tp_dealloc = finalize_dealloc;
    f->tp_traverse = finalize_traverse;
    f->tp_clear = finalize_clear;
    f->tp_repr = finalize_repr;
    f->tp_new = finalize_new;
    f->tp_call = [](Object* self, Object* const* args, size_t nargs, Object* kwnames) {
        return finalize_call(self, args, nargs, kwnames);
    };
    f->tp_weaklistoffset = field_offset(&FinalizeObject::weaklist);
    f->tp_methods = {{"detach", finalize_detach}, {"peek", finalize_peek}};
    f->tp_getset = {{"alive", finalize_alive}, {"atexit", finalize_get_atexit, finalize_set_atexit}};
    type_ready(f);
}

int init_weakref(Object* m) {
    for (const MethodDef& def : kWeakrefFunctions)
        if (add_function(m, &def) < 0) return -1;
    add_object(m, "ref", &WeakRef_Type);
    add_object(m, "ReferenceType", &WeakRef_Type);
    add_object(m, "proxy", &Proxy_Type);
    add_object(m, "ProxyType", &Proxy_Type);
    add_object(m, "finalize", &Finalize_Type);
    add_object(m, "ReferenceError", &ReferenceError_Type);
    Object* registry = new_dict();
    Object* zero = new_int(0);
    if (!registry || !zero) return -1;
    add_object(m, kRegistryKey, registry);
    add_object(m, kIndexKey, zero);
    decref(zero);
    // atexit.register(finalize._exitfunc), done once per run when weakref is imported.
    rt().atexit_hooks.push_back([registry]() {
        finalize_exitfunc(registry);
        decref(registry);
    });
    return 0;
}

}  // namespace ys::vm
