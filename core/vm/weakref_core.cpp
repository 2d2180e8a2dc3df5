// Weak references (Objects/weakrefobject.c): the per-object list (basic refs at the
// head, refs with callbacks inserted after them, so callbacks run newest first),
// PyObject_ClearWeakRefs at dealloc, and the collector's handle_weakrefs.
#include <cstdio>

#include "vm/gc.h"
#include "vm/runtime.h"
#include "vm/weakref.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type WeakRef_Type;

static WeakRefObject* W(Object* o) { return static_cast<WeakRefObject*>(o); }
static WeakRefObject** list_ptr(Object* o) { return reinterpret_cast<WeakRefObject**>(weaklist_ptr(o)); }

static void clear_weakref(WeakRefObject* self) {
    Object* callback = self->wr_callback;
    if (self->wr_object != YS_None) {
        WeakRefObject** list = list_ptr(self->wr_object);
        if (*list == self) *list = self->wr_next;
        self->wr_object = YS_None;
        if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = nullptr;
        self->wr_next = nullptr;
    }
    if (callback) {
        self->wr_callback = nullptr;
        decref(callback);
    }
}

static void clear_ref_keep_callback(WeakRefObject* self) {
    Object* cb = self->wr_callback;
    self->wr_callback = nullptr;
    clear_weakref(self);
    self->wr_callback = cb;
}

static void handle_callback(WeakRefObject* ref, Object* callback) {
    if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::Finalizer;
        trace_created(ref);
        ev.subject = ref->ob_trace_id;
        ev.text = "weakref callback";
        t_sink->on_event(ev);
    }
    Object* r = call1(callback, ref);
    if (!r) write_unraisable(callback);
    else decref(r);
}

void clear_weakrefs(Object* object) {
    WeakRefObject** list = list_ptr(object);
    if (!list) return;
    if (*list && !(*list)->wr_callback) {
        clear_weakref(*list);
        if (*list && !(*list)->wr_callback) clear_weakref(*list);
    }
    if (!*list) return;
    Object* saved = err_fetch();
    std::vector<std::pair<WeakRefObject*, Object*>> todo;
    WeakRefObject* current = *list;
    while (current) {
        WeakRefObject* next = current->wr_next;
        if (current->ob_refcnt > 0) {
            incref(current);
            todo.push_back({current, current->wr_callback});
        } else {
            xdecref(current->wr_callback);
        }
        current->wr_callback = nullptr;
        clear_weakref(current);
        current = next;
    }
    for (auto& [ref, cb] : todo) {
        if (cb) {
            handle_callback(ref, cb);
            decref(cb);
        }
        decref(ref);
    }
    err_restore(saved);
}

void clear_weakrefs_no_callbacks(Object* object) {
    WeakRefObject** list = list_ptr(object);
    if (!list) return;
    while (*list) clear_ref_keep_callback(*list);
}

int weakref_handle_gc(GcHead* unreachable, GcHead* old) {
    std::vector<WeakRefObject*> to_call;
    for (GcHead* g = unreachable->gc_next; g != unreachable; g = g->gc_next) {
        Object* op = from_gc(g);
        if (op->ob_type == &WeakRef_Type || is_subtype(op->ob_type, &WeakRef_Type)) clear_ref_keep_callback(W(op));
        WeakRefObject** list = list_ptr(op);
        if (!list) continue;
        for (WeakRefObject* wr = *list; wr; wr = *list) {
            clear_ref_keep_callback(wr);
            if (!wr->wr_callback) continue;
            if (as_gc(wr)->gc_flags & GC_COLLECTING) continue;  // the weakref is trash too
            incref(wr);
            to_call.push_back(wr);
        }
    }
    int freed = 0;
    for (WeakRefObject* wr : to_call) {
        Object* cb = wr->wr_callback;
        Object* r = call1(cb, wr);
        if (!r) write_unraisable(cb);
        else decref(r);
        if (wr->ob_refcnt == 1) freed++;
        decref(wr);
    }
    (void)old;
    return freed;
}

static WeakRefObject* basic_ref(Object* ob) {
    WeakRefObject** list = list_ptr(ob);
    if (*list && !(*list)->wr_callback && (*list)->ob_type == &WeakRef_Type) return *list;
    return nullptr;
}

Object* new_weakref(Object* ob, Object* callback) {
    WeakRefObject** list = list_ptr(ob);
    if (!list) return raise_format(&TypeError_Type, "cannot create weak reference to '%s' object", type_name(ob));
    if (callback == YS_None) callback = nullptr;
    if (!callback) {
        if (WeakRefObject* r = basic_ref(ob)) return newref(static_cast<Object*>(r));
    }
    WeakRefObject* self = alloc<WeakRefObject>(&WeakRef_Type);
    if (!self) return nullptr;
    self->hash = -1;
    self->wr_object = ob;
    self->wr_callback = callback ? newref(callback) : nullptr;
    list = list_ptr(ob);
    WeakRefObject* prev = basic_ref(ob);
    if (!callback || !prev) {
        self->wr_next = *list;
        if (*list) (*list)->wr_prev = self;
        *list = self;
    } else {
        self->wr_prev = prev;
        self->wr_next = prev->wr_next;
        if (prev->wr_next) prev->wr_next->wr_prev = self;
        prev->wr_next = self;
    }
    gc_track(self);
    return self;
}

Object* weakref_get(Object* ref) {
    Object* o = W(ref)->wr_object;
    return o == YS_None || o->ob_refcnt <= 0 ? YS_None : o;
}

intptr_t weakref_count(Object* ob) {
    WeakRefObject** list = list_ptr(ob);
    intptr_t n = 0;
    if (list)
        for (WeakRefObject* w = *list; w; w = w->wr_next) n++;
    return n;
}

static void weakref_dealloc(Object* o) {
    gc_untrack(o);
    clear_weakref(W(o));
    free_object(o);
}
static int weakref_traverse(Object* o, VisitFn visit, void* arg) {
    return W(o)->wr_callback ? visit(W(o)->wr_callback, arg) : 0;
}
static int weakref_clear(Object* o) {
    clear_weakref(W(o));
    return 0;
}
static Object* weakref_call(Object* o, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("weakref", kwnames) || !check_nargs("weakref", nargs, 0, 0)) return nullptr;
    return newref(weakref_get(o));
}
static Object* weakref_repr(Object* o) {
    char buf[160];
    Object* obj = weakref_get(o);
    if (obj == YS_None) {
        snprintf(buf, sizeof buf, "<weakref at %p; dead>", object_address_ptr(o));
        return new_str(buf);
    }
    incref(obj);
    Object* name = lookup_attr(obj, intern("__name__"), nullptr);
    if (name && is_str(name))
        snprintf(buf, sizeof buf, "<weakref at %p; to '%s' at %p (%s)>", object_address_ptr(o),
                 obj->ob_type->tp_qualname.c_str(), object_address_ptr(obj), str_value(name).c_str());
    else
        snprintf(buf, sizeof buf, "<weakref at %p; to '%s' at %p>", object_address_ptr(o),
                 obj->ob_type->tp_qualname.c_str(), object_address_ptr(obj));
    xdecref(name);
    decref(obj);
    return new_str(buf);
}
static intptr_t weakref_hash(Object* o) {
    WeakRefObject* w = W(o);
    if (w->hash != -1) return w->hash;
    Object* obj = weakref_get(o);
    if (obj == YS_None) {
        raise(&TypeError_Type, "weak object has gone away");
        return -1;
    }
    w->hash = object_hash(obj);
    return w->hash;
}
static Object* weakref_richcompare(Object* a, Object* b, int op) {
    if ((op != 2 && op != 3) || !isinstance(b, &WeakRef_Type)) return newref(YS_NotImplemented);
    Object* x = weakref_get(a);
    Object* y = weakref_get(b);
    if (x == YS_None || y == YS_None) {
        bool eq = a == b;
        return new_bool(op == 2 ? eq : !eq);
    }
    return rich_compare(x, y, op);
}
static Object* weakref_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("ref", kwnames) || !check_nargs("ref", nargs, 1, 2)) return nullptr;
    return new_weakref(args[0], nargs > 1 ? args[1] : nullptr);
}
static Object* weakref_callback(Object* o) {
    return W(o)->wr_callback ? newref(W(o)->wr_callback) : none();
}

void init_weakref_type() {
    Type* t = &WeakRef_Type;
    t->tp_name = "ReferenceType";
    t->tp_qualname = "ReferenceType";
    t->tp_module = intern("weakref");
    t->tp_basicsize = sizeof(WeakRefObject);
    t->tp_flags = TPF_HAVE_GC | TPF_BASETYPE;
    t->tp_dealloc = weakref_dealloc;
    t->tp_traverse = weakref_traverse;
    t->tp_clear = weakref_clear;
    t->tp_call = weakref_call;
    t->tp_repr = weakref_repr;
    t->tp_hash = weakref_hash;
    t->tp_richcompare = weakref_richcompare;
    t->tp_new = weakref_new;
    t->tp_getset = {{"__callback__", weakref_callback}};
}

}  // namespace ys::vm
