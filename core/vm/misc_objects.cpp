// Small built-in types: None, NotImplemented, Ellipsis, slice, cell, range and its
// iterator, bound methods, property, staticmethod, classmethod, super.
#include <cstdio>

#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type None_Type, NotImplemented_Type, Ellipsis_Type, Slice_Type, Cell_Type, Range_Type, RangeIter_Type, Method_Type,
    Property_Type, StaticMethod_Type, ClassMethod_Type, Super_Type;
Object None_Object, NotImplemented_Object, Ellipsis_Object;

static Object* none_repr(Object*) { return new_str("None"); }
static int none_bool(Object*) { return 0; }
static Object* ni_repr(Object*) { return new_str("NotImplemented"); }
static Object* ellipsis_repr(Object*) { return new_str("Ellipsis"); }

// ---- slice
Object* new_slice(Object* start, Object* stop, Object* step) {
    SliceObject* s = alloc<SliceObject>(&Slice_Type);
    if (!s) return nullptr;
    s->start = newref(start ? start : YS_None);
    s->stop = newref(stop ? stop : YS_None);
    s->step = newref(step ? step : YS_None);
    return s;
}
static void slice_dealloc(Object* o) {
    auto* s = static_cast<SliceObject*>(o);
    decref(s->start);
    decref(s->stop);
    decref(s->step);
    free_object(o);
}
static Object* slice_repr(Object* o) {
    auto* s = static_cast<SliceObject*>(o);
    bool ok = true;
    std::string r = "slice(" + repr_string(s->start, &ok) + ", " + repr_string(s->stop, &ok) + ", " +
                    repr_string(s->step, &ok) + ")";
    return ok ? new_str(r) : nullptr;
}
int slice_indices(Object* slice, intptr_t length, intptr_t* pstart, intptr_t* pstop, intptr_t* pstep,
                  intptr_t* plen) {
    auto* s = static_cast<SliceObject*>(slice);
    bool ok = true;
    auto idx = [&](Object* o, intptr_t def) -> intptr_t {
        if (o == YS_None) return def;
        if (!is_int(o) && !o->ob_type->nb_index) {
            raise(&TypeError_Type, "slice indices must be integers or None or have an __index__ method");
            ok = false;
            return 0;
        }
        return as_slice_bound(o, &ok);
    };
    intptr_t step = idx(s->step, 1);
    if (!ok) return -1;
    if (step == 0) {
        raise(&ValueError_Type, "slice step cannot be zero");
        return -1;
    }
    if (step < -PTRDIFF_MAX) step = -PTRDIFF_MAX;  // so -step cannot overflow
    intptr_t start = idx(s->start, step < 0 ? PTRDIFF_MAX : 0);
    if (!ok) return -1;
    intptr_t stop = idx(s->stop, step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX);
    if (!ok) return -1;
    auto adjust = [&](intptr_t& v) {
        if (v < 0) {
            v += length;
            if (v < 0) v = step < 0 ? -1 : 0;
        } else if (v >= length) {
            v = step < 0 ? length - 1 : length;
        }
    };
    adjust(start);
    adjust(stop);
    intptr_t len = 0;
    if (step < 0) {
        if (stop < start) len = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        len = (stop - start - 1) / step + 1;
    }
    *pstart = start;
    *pstop = stop;
    *pstep = step;
    *plen = len;
    return 0;
}
static Object* slice_start(Object* o) { return newref(static_cast<SliceObject*>(o)->start); }
static Object* slice_stop(Object* o) { return newref(static_cast<SliceObject*>(o)->stop); }
static Object* slice_step(Object* o) { return newref(static_cast<SliceObject*>(o)->step); }
static Object* slice_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("slice", kwnames) || !check_nargs("slice", nargs, 1, 3)) return nullptr;
    if (nargs == 1) return new_slice(nullptr, args[0], nullptr);
    return new_slice(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

// ---- cell
Object* new_cell(Object* value) {
    CellObject* c = alloc<CellObject>(&Cell_Type);
    if (!c) return nullptr;
    c->ob_ref = value ? newref(value) : nullptr;
    gc_track(c);
    return c;
}
static void cell_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<CellObject*>(o)->ob_ref);
    free_object(o);
}
static int cell_traverse(Object* o, VisitFn visit, void* arg) {
    Object* v = static_cast<CellObject*>(o)->ob_ref;
    return v ? visit(v, arg) : 0;
}
static int cell_clear(Object* o) {
    clearref(&static_cast<CellObject*>(o)->ob_ref);
    return 0;
}
static Object* cell_repr(Object* o) {
    char buf[128];
    Object* v = static_cast<CellObject*>(o)->ob_ref;
    if (!v) snprintf(buf, sizeof buf, "<cell at %p: empty>", object_address_ptr(o));
    else snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", object_address_ptr(o), type_name(v), object_address_ptr(v));
    return new_str(buf);
}
static Object* cell_contents(Object* o) {
    Object* v = static_cast<CellObject*>(o)->ob_ref;
    if (!v) return raise(&ValueError_Type, "Cell is empty");
    return newref(v);
}

// ---- range
struct RangeObject : Object {
    int64_t start, stop, step, length;
};
struct RangeIterObject : Object {
    int64_t next, step, remaining;
};
static int64_t range_len(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}
static Object* range_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("range", kwnames)) return nullptr;
    if (nargs == 0) return raise(&TypeError_Type, "range expected at least 1 argument, got 0");
    if (nargs > 3) return raise_format(&TypeError_Type, "range expected at most 3 arguments, got %zu", nargs);
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++) {
        if (!is_int(args[i]) && !args[i]->ob_type->nb_index)
            return raise_format(&TypeError_Type, "'%s' object cannot be interpreted as an integer", type_name(args[i]));
        bool ok;
        v[i] = as_index(args[i], &ok);
        if (!ok) return nullptr;
    }
    RangeObject* r = alloc<RangeObject>(&Range_Type);
    if (!r) return nullptr;
    if (nargs == 1) {
        r->start = 0;
        r->stop = v[0];
        r->step = 1;
    } else {
        r->start = v[0];
        r->stop = v[1];
        r->step = nargs == 3 ? v[2] : 1;
    }
    if (r->step == 0) {
        decref(r);
        return raise(&ValueError_Type, "range() arg 3 must not be zero");
    }
    r->length = range_len(r->start, r->stop, r->step);
    return r;
}
static Object* range_repr(Object* o) {
    auto* r = static_cast<RangeObject*>(o);
    std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) s += ", " + std::to_string(r->step);
    return new_str(s + ")");
}
static intptr_t range_length(Object* o) { return static_cast<RangeObject*>(o)->length; }
static Object* range_item(Object* o, Object* key) {
    auto* r = static_cast<RangeObject*>(o);
    if (isinstance(key, &Slice_Type)) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, r->length, &start, &stop, &step, &len) < 0) return nullptr;
        RangeObject* n = alloc<RangeObject>(&Range_Type);
        if (!n) return nullptr;
        n->start = r->start + start * r->step;
        n->step = r->step * step;
        n->stop = n->start + len * n->step;
        n->length = len;
        return n;
    }
    if (is_int(key) && int_is_big(key)) return raise(&IndexError_Type, "range object index out of range");
    bool ok;
    int64_t i = as_index(key, &ok);
    if (!ok) return nullptr;
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length) return raise(&IndexError_Type, "range object index out of range");
    return new_int(r->start + i * r->step);
}
static int range_contains(Object* o, Object* item) {
    auto* r = static_cast<RangeObject*>(o);
    if (!is_int(item)) {
        Object* it = get_iter(o);
        int found = 0;
        while (Object* x = iter_next(it)) {
            found = rich_compare_bool(x, item, 2);
            decref(x);
            if (found) break;
        }
        decref(it);
        return found;
    }
    if (int_is_big(item)) return 0;  // a range holds 64-bit values only
    int64_t v = int_value(item);
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
    return (v - r->start) % r->step == 0;
}
static int range_bool(Object* o) { return static_cast<RangeObject*>(o)->length != 0; }
static Object* range_iter(Object* o) {
    auto* r = static_cast<RangeObject*>(o);
    RangeIterObject* it = alloc<RangeIterObject>(&RangeIter_Type);
    if (!it) return nullptr;
    it->next = r->start;
    it->step = r->step;
    it->remaining = r->length;
    return it;
}
static Object* rangeiter_next(Object* o) {
    auto* it = static_cast<RangeIterObject*>(o);
    if (it->remaining <= 0) return nullptr;
    it->remaining--;
    int64_t v = it->next;
    it->next += it->step;
    return new_int(v);
}
static Object* range_richcompare(Object* a, Object* b, int op) {
    if (b->ob_type != &Range_Type || (op != 2 && op != 3)) return newref(YS_NotImplemented);
    auto* x = static_cast<RangeObject*>(a);
    auto* y = static_cast<RangeObject*>(b);
    bool eq = x->length == y->length &&
              (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return new_bool(op == 2 ? eq : !eq);
}
static Object* range_start(Object* o) { return new_int(static_cast<RangeObject*>(o)->start); }
static Object* range_stop(Object* o) { return new_int(static_cast<RangeObject*>(o)->stop); }
static Object* range_step(Object* o) { return new_int(static_cast<RangeObject*>(o)->step); }
static Object* self_iter(Object* o) { return newref(o); }
static void plain_dealloc(Object* o) { free_object(o); }

// ---- bound method
struct MethodObject : Object {
    Object* im_func;
    Object* im_self;
    Object* im_weakreflist;
};
Object* new_method(Object* func, Object* self) {
    MethodObject* m = alloc<MethodObject>(&Method_Type);
    if (!m) return nullptr;
    m->im_func = newref(func);
    m->im_self = newref(self);
    gc_track(m);
    return m;
}
// The two pointers CPython's PyMethodObject holds; the event loop view names a
// handle's bound-method callback through im_func.
static void method_trace_fields(Object* o, trace::TraceSink* sink) {
    auto* m = static_cast<MethodObject*>(o);
    sink->on_field_set(o->ob_trace_id, "im_func", trace_value(m->im_func));
    sink->on_field_set(o->ob_trace_id, "im_self", trace_value(m->im_self));
}
static void method_dealloc(Object* o) {
    gc_untrack(o);
    auto* m = static_cast<MethodObject*>(o);
    decref(m->im_func);
    decref(m->im_self);
    free_object(o);
}
static int method_traverse(Object* o, VisitFn visit, void* arg) {
    auto* m = static_cast<MethodObject*>(o);
    if (int r = visit(m->im_func, arg)) return r;
    return visit(m->im_self, arg);
}
static Object* method_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
    auto* m = static_cast<MethodObject*>(o);
    size_t total = nargs + (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0);
    Object* stack[9];
    std::vector<Object*> big;
    Object** a = stack;
    if (total + 1 > 9) {
        big.resize(total + 1);
        a = big.data();
    }
    a[0] = m->im_self;
    for (size_t i = 0; i < total; i++) a[i + 1] = args[i];
    return call(m->im_func, a, nargs + 1, kwnames);
}
static Object* method_repr(Object* o) {
    auto* m = static_cast<MethodObject*>(o);
    Object* qn = lookup_attr(m->im_func, intern("__qualname__"), nullptr);
    std::string name = qn && is_str(qn) ? str_value(qn) : "?";
    xdecref(qn);
    bool ok = true;
    std::string self = repr_string(m->im_self, &ok);
    if (!ok) return nullptr;
    return new_str("<bound method " + name + " of " + self + ">");
}
static Object* method_getattro(Object* o, Object* name) {
    Object* r = generic_getattr(o, name);
    if (r || !err_matches(&AttributeError_Type)) return r;
    err_clear();
    return get_attr(static_cast<MethodObject*>(o)->im_func, name);
}
static Object* method_func(Object* o) { return newref(static_cast<MethodObject*>(o)->im_func); }
static Object* method_self(Object* o) { return newref(static_cast<MethodObject*>(o)->im_self); }
static Object* method_richcompare(Object* a, Object* b, int op) {
    if (b->ob_type != &Method_Type || (op != 2 && op != 3)) return newref(YS_NotImplemented);
    auto* x = static_cast<MethodObject*>(a);
    auto* y = static_cast<MethodObject*>(b);
    bool eq = x->im_func == y->im_func && x->im_self == y->im_self;
    return new_bool(op == 2 ? eq : !eq);
}

// ---- property / staticmethod / classmethod
struct PropertyObject : Object {
    Object *fget, *fset, *fdel, *doc, *name;
};
static Object* property_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[4];
    if (!parse_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, a)) return nullptr;
    PropertyObject* p = static_cast<PropertyObject*>(alloc_object(type, type->tp_basicsize));
    if (!p) return nullptr;
    auto norm = [](Object* x) { return x && x != YS_None ? newref(x) : nullptr; };
    p->fget = norm(a[0]);
    p->fset = norm(a[1]);
    p->fdel = norm(a[2]);
    p->doc = norm(a[3]);
    if (p->fget) {
        p->name = lookup_attr(p->fget, intern("__name__"), nullptr);
        if (!p->doc) p->doc = lookup_attr(p->fget, intern("__doc__"), nullptr);
    }
    gc_track(p);
    return p;
}
static void property_dealloc(Object* o) {
    gc_untrack(o);
    auto* p = static_cast<PropertyObject*>(o);
    xdecref(p->fget);
    xdecref(p->fset);
    xdecref(p->fdel);
    xdecref(p->doc);
    xdecref(p->name);
    free_object(o);
}
static int property_traverse(Object* o, VisitFn visit, void* arg) {
    auto* p = static_cast<PropertyObject*>(o);
    for (Object* x : {p->fget, p->fset, p->fdel, p->doc})
        if (x) if (int r = visit(x, arg)) return r;
    return 0;
}
static std::string prop_name(PropertyObject* p) { return p->name && is_str(p->name) ? repr_string(p->name) : "?"; }
static Object* property_get(Object* d, Object* obj, Object*) {
    auto* p = static_cast<PropertyObject*>(d);
    if (!obj || obj == YS_None) return newref(d);
    if (!p->fget)
        return raise_format(&AttributeError_Type, "property %s of '%s' object has no getter", prop_name(p).c_str(),
                            obj->ob_type->tp_qualname.c_str());
    return call1(p->fget, obj);
}
static int property_set(Object* d, Object* obj, Object* value) {
    auto* p = static_cast<PropertyObject*>(d);
    Object* f = value ? p->fset : p->fdel;
    if (!f) {
        raise_format(&AttributeError_Type, value ? "property %s of '%s' object has no setter"
                                                 : "property %s of '%s' object has no deleter",
                     prop_name(p).c_str(), obj->ob_type->tp_qualname.c_str());
        return -1;
    }
    Object* args[2] = {obj, value};
    Object* r = call(f, args, value ? 2 : 1);
    if (!r) return -1;
    decref(r);
    return 0;
}
static Object* property_copy(Object* self, int which, Object* f) {
    auto* p = static_cast<PropertyObject*>(self);
    Object* a[4] = {p->fget ? p->fget : YS_None, p->fset ? p->fset : YS_None, p->fdel ? p->fdel : YS_None,
                    p->doc ? p->doc : YS_None};
    a[which] = f;
    return call(self->ob_type, a, 4);
}
static Object* property_getter(Object* s, Object* const* a, size_t n, Object*) { return n == 1 ? property_copy(s, 0, a[0]) : raise(&TypeError_Type, "getter() takes exactly one argument"); }
static Object* property_setter(Object* s, Object* const* a, size_t n, Object*) { return n == 1 ? property_copy(s, 1, a[0]) : raise(&TypeError_Type, "setter() takes exactly one argument"); }
static Object* property_deleter(Object* s, Object* const* a, size_t n, Object*) { return n == 1 ? property_copy(s, 2, a[0]) : raise(&TypeError_Type, "deleter() takes exactly one argument"); }
static Object* property_fget(Object* o) { auto* p = static_cast<PropertyObject*>(o); return p->fget ? newref(p->fget) : none(); }
static Object* property_fset(Object* o) { auto* p = static_cast<PropertyObject*>(o); return p->fset ? newref(p->fset) : none(); }
static Object* property_doc(Object* o) { auto* p = static_cast<PropertyObject*>(o); return p->doc ? newref(p->doc) : none(); }

struct WrapperObject : Object {  // staticmethod / classmethod
    Object* callable;
    Object* dict;
};
static Object* wrapper_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(type->tp_name.c_str(), kwnames) || !check_nargs(type->tp_name.c_str(), nargs, 1, 1)) return nullptr;
    WrapperObject* w = static_cast<WrapperObject*>(alloc_object(type, type->tp_basicsize));
    if (!w) return nullptr;
    w->callable = newref(args[0]);
    gc_track(w);
    return w;
}
static void wrapper_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<WrapperObject*>(o)->callable);
    xdecref(static_cast<WrapperObject*>(o)->dict);
    free_object(o);
}
static int wrapper_traverse(Object* o, VisitFn visit, void* arg) {
    Object* c = static_cast<WrapperObject*>(o)->callable;
    return c ? visit(c, arg) : 0;
}
static Object* sm_get(Object* d, Object*, Object*) { return newref(static_cast<WrapperObject*>(d)->callable); }
static Object* sm_call(Object* d, Object* const* args, size_t nargs, Object* kwnames) {
    return call(static_cast<WrapperObject*>(d)->callable, args, nargs, kwnames);
}
static Object* cm_get(Object* d, Object* obj, Object* type) {
    if (!type) type = obj->ob_type;
    return new_method(static_cast<WrapperObject*>(d)->callable, type);
}
static Object* wrapper_func(Object* o) { return newref(static_cast<WrapperObject*>(o)->callable); }

// ---- super
struct SuperObject : Object {
    Type* type;      // the class super() was called in
    Object* obj;     // the instance (or class)
    Type* obj_type;
};
static Object* super_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("super", kwnames) || !check_nargs("super", nargs, 0, 2)) return nullptr;
    Object* type = nullptr;
    Object* obj = nullptr;
    if (nargs == 0) {
        Frame* f = rt().current_frame;
        if (!f) return raise(&RuntimeError_Type, "super(): no current frame");
        CodeObj* co = f->f_code;
        if (co->code->co_argcount == 0) return raise(&RuntimeError_Type, "super(): no arguments");
        obj = f->localsplus()[0];
        if (obj && obj->ob_type == &Cell_Type && (co->code->co_localspluskinds[0] & CO_FAST_CELL))
            obj = static_cast<CellObject*>(obj)->ob_ref;
        if (!obj) return raise(&RuntimeError_Type, "super(): arg[0] deleted");
        for (int i = 0; i < co->nlocalsplus; i++) {
            if (co->code->co_localsplusnames[static_cast<size_t>(i)] == "__class__" &&
                (co->code->co_localspluskinds[static_cast<size_t>(i)] & CO_FAST_FREE)) {
                Object* cell = f->localsplus()[i];
                if (!cell || cell->ob_type != &Cell_Type)
                    return raise(&RuntimeError_Type, "super(): bad __class__ cell");
                type = static_cast<CellObject*>(cell)->ob_ref;
                if (!type) return raise(&RuntimeError_Type, "super(): empty __class__ cell");
                break;
            }
        }
        if (!type) return raise(&RuntimeError_Type, "super(): __class__ cell not found");
    } else {
        type = args[0];
        obj = nargs == 2 ? args[1] : nullptr;
    }
    if (!has_flag(type, TPF_TYPE_SUBCLASS))
        return raise_format(&TypeError_Type, "super() argument 1 must be a type, not %s", type_name(type));
    Type* obj_type = nullptr;
    if (obj) {
        if (has_flag(obj, TPF_TYPE_SUBCLASS) && is_subtype(static_cast<Type*>(obj), static_cast<Type*>(type)))
            obj_type = static_cast<Type*>(obj);
        else if (isinstance(obj, static_cast<Type*>(type)))
            obj_type = obj->ob_type;
        else
            return raise(&TypeError_Type, "super(type, obj): obj must be an instance or subtype of type");
    }
    SuperObject* s = alloc<SuperObject>(&Super_Type);
    if (!s) return nullptr;
    s->type = static_cast<Type*>(newref(type));
    s->obj = obj ? newref(obj) : nullptr;
    s->obj_type = obj_type ? static_cast<Type*>(newref(static_cast<Object*>(obj_type))) : nullptr;
    gc_track(s);
    return s;
}
static void super_dealloc(Object* o) {
    gc_untrack(o);
    auto* s = static_cast<SuperObject*>(o);
    xdecref(s->type);
    xdecref(s->obj);
    xdecref(s->obj_type);
    free_object(o);
}
static int super_traverse(Object* o, VisitFn visit, void* arg) {
    auto* s = static_cast<SuperObject*>(o);
    for (Object* x : {static_cast<Object*>(s->type), s->obj, static_cast<Object*>(s->obj_type)})
        if (x) if (int r = visit(x, arg)) return r;
    return 0;
}
static Object* super_getattro(Object* o, Object* name) {
    auto* s = static_cast<SuperObject*>(o);
    if (s->obj_type && str_value(name) != "__class__") {
        Object* mro = s->obj_type->tp_mro;
        intptr_t n = tuple_size(mro), i = 0;
        for (; i < n; i++)
            if (tuple_items(mro)[i] == s->type) break;
        for (i++; i < n; i++) {
            Type* t = static_cast<Type*>(tuple_items(mro)[i]);
            Object* res = dict_get_str(t->tp_dict, name);
            if (res) {
                if (DescrGetFn f = res->ob_type->tp_descr_get)
                    return f(res, s->obj == static_cast<Object*>(s->obj_type) ? nullptr : s->obj, s->obj_type);
                return newref(res);
            }
        }
    }
    return generic_getattr(o, name);
}
static Object* super_repr(Object* o) {
    auto* s = static_cast<SuperObject*>(o);
    if (s->obj_type)
        return new_str("<super: <class '" + s->type->tp_name + "'>, <" + s->obj_type->tp_name + " object>>");
    return new_str("<super: <class '" + s->type->tp_name + "'>, NULL>");
}

static void fill(Type* t, const char* name, size_t size, DeallocFn d, uint32_t flags = 0) {
    t->tp_name = name;
    t->tp_basicsize = size;
    t->tp_dealloc = d;
    t->tp_flags = flags;
}

void init_misc_types() {
    auto immortal_dealloc = [](Object*) {};
    fill(&None_Type, "NoneType", sizeof(Object), immortal_dealloc);
    None_Type.tp_repr = none_repr;
    None_Type.nb_bool = none_bool;
    fill(&NotImplemented_Type, "NotImplementedType", sizeof(Object), immortal_dealloc);
    NotImplemented_Type.tp_repr = ni_repr;
    fill(&Ellipsis_Type, "ellipsis", sizeof(Object), immortal_dealloc);
    Ellipsis_Type.tp_repr = ellipsis_repr;
    for (auto [o, t] : {std::pair{&None_Object, &None_Type}, {&NotImplemented_Object, &NotImplemented_Type},
                        {&Ellipsis_Object, &Ellipsis_Type}}) {
        o->ob_refcnt = 1 << 30;
        o->ob_type = t;
    }
    fill(&Slice_Type, "slice", sizeof(SliceObject), slice_dealloc);
    Slice_Type.tp_repr = slice_repr;
    Slice_Type.tp_new = slice_new;
    Slice_Type.tp_getset = {{"start", slice_start}, {"stop", slice_stop}, {"step", slice_step}};
    fill(&Cell_Type, "cell", sizeof(CellObject), cell_dealloc, TPF_HAVE_GC);
    Cell_Type.tp_traverse = cell_traverse;
    Cell_Type.tp_clear = cell_clear;
    Cell_Type.tp_repr = cell_repr;
    Cell_Type.tp_getset = {{"cell_contents", cell_contents}};
    fill(&Range_Type, "range", sizeof(RangeObject), plain_dealloc);
    Range_Type.tp_new = range_new;
    Range_Type.tp_repr = range_repr;
    Range_Type.tp_iter = range_iter;
    Range_Type.tp_richcompare = range_richcompare;
    Range_Type.mp_length = range_length;
    Range_Type.mp_subscript = range_item;
    Range_Type.sq_contains = range_contains;
    Range_Type.nb_bool = range_bool;
    Range_Type.tp_getset = {{"start", range_start}, {"stop", range_stop}, {"step", range_step}};
    fill(&RangeIter_Type, "range_iterator", sizeof(RangeIterObject), plain_dealloc);
    RangeIter_Type.tp_iter = self_iter;
    RangeIter_Type.tp_iternext = rangeiter_next;
    fill(&Method_Type, "method", sizeof(MethodObject), method_dealloc, TPF_HAVE_GC);
    Method_Type.tp_traverse = method_traverse;
    Method_Type.tp_trace_fields = method_trace_fields;
    Method_Type.tp_call = method_call;
    Method_Type.tp_repr = method_repr;
    Method_Type.tp_getattro = method_getattro;
    Method_Type.tp_richcompare = method_richcompare;
    Method_Type.tp_weaklistoffset = offsetof(MethodObject, im_weakreflist);
    Method_Type.tp_getset = {{"__func__", method_func}, {"__self__", method_self}};
    fill(&Property_Type, "property", sizeof(PropertyObject), property_dealloc, TPF_HAVE_GC | TPF_BASETYPE);
    Property_Type.tp_new = property_new;
    Property_Type.tp_traverse = property_traverse;
    Property_Type.tp_descr_get = property_get;
    Property_Type.tp_descr_set = property_set;
    Property_Type.tp_methods = {{"getter", property_getter}, {"setter", property_setter}, {"deleter", property_deleter}};
    Property_Type.tp_getset = {{"fget", property_fget}, {"fset", property_fset}, {"__doc__", property_doc}};
    fill(&StaticMethod_Type, "staticmethod", sizeof(WrapperObject), wrapper_dealloc, TPF_HAVE_GC | TPF_BASETYPE);
    StaticMethod_Type.tp_new = wrapper_new;
    StaticMethod_Type.tp_traverse = wrapper_traverse;
    StaticMethod_Type.tp_descr_get = sm_get;
    StaticMethod_Type.tp_call = sm_call;
    StaticMethod_Type.tp_dictoffset = offsetof(WrapperObject, dict);
    StaticMethod_Type.tp_getset = {{"__func__", wrapper_func}};
    fill(&ClassMethod_Type, "classmethod", sizeof(WrapperObject), wrapper_dealloc, TPF_HAVE_GC | TPF_BASETYPE);
    ClassMethod_Type.tp_new = wrapper_new;
    ClassMethod_Type.tp_traverse = wrapper_traverse;
    ClassMethod_Type.tp_descr_get = cm_get;
    ClassMethod_Type.tp_dictoffset = offsetof(WrapperObject, dict);
    ClassMethod_Type.tp_getset = {{"__func__", wrapper_func}};
    fill(&Super_Type, "super", sizeof(SuperObject), super_dealloc, TPF_HAVE_GC | TPF_BASETYPE);
    Super_Type.tp_new = super_new;
    Super_Type.tp_traverse = super_traverse;
    Super_Type.tp_getattro = super_getattro;
    Super_Type.tp_repr = super_repr;
}

}  // namespace ys::vm
