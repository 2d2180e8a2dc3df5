// Classes: type_new (what a class statement makes), instances (object_new,
// subtype_dealloc in CPython's order, PEP 442 finalizers), and the slot functions
// that dispatch the operators and protocols to the class's dunder methods.
#include "vm/frame.h"
#include "vm/format_int.h"
#include "vm/runtime.h"

namespace ys::vm {

extern InitFn g_object_init;
Object* type_getattr_new(Type* type);
void write_unraisable_with(Object* obj, const char* prefix);
void clear_weakrefs(Object* o);  // weakref_core.cpp: calls callbacks
void clear_weakrefs_no_callbacks(Object* o);

// Calls the special method `name` looked up on the type (not the instance), with self
// as the first argument. *found = false (no error) when the type has none.
Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found) {
    Object* f = type_lookup(self->ob_type, name);
    if (!f) {
        if (found) *found = false;
        return nullptr;
    }
    if (found) *found = true;
    incref(f);
    Object* r;
    if (f->ob_type == &Function_Type) {
        Object* stack[8];
        std::vector<Object*> big;
        Object** a = stack;
        if (nargs + 1 > 8) { big.resize(nargs + 1); a = big.data(); }
        a[0] = self;
        for (size_t i = 0; i < nargs; i++) a[i + 1] = args[i];
        r = call(f, a, nargs + 1);
    } else if (f->ob_type->tp_descr_get) {
        Object* bound = f->ob_type->tp_descr_get(f, self, self->ob_type);
        r = bound ? call(bound, args, nargs) : nullptr;
        xdecref(bound);
    } else {
        r = call(f, args, nargs);
    }
    decref(f);
    return r;
}
static Object* special(Object* self, const char* name, Object* const* args, size_t nargs) {
    bool found;
    Object* r = call_special(self, intern(name), args, nargs, &found);
    if (!found && !err_occurred())
        return raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", type_name(self), name);
    return r;
}

// ---- instances
Object* object_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    bool excess = nargs || (kwnames && tuple_size(kwnames));
    if (excess) {
        if (type->tp_new != object_new)
            return raise(&TypeError_Type, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->tp_init == g_object_init)
            return raise_format(&TypeError_Type, "%s() takes no arguments", type->tp_name.c_str());
    }
    Object* o = alloc_object(type, type->tp_basicsize);
    if (!o) return nullptr;
    if (type->tp_flags & TPF_HAVE_GC) gc_track(o);
    return o;
}

// PyObject_CallFinalizerFromDealloc: true if the finalizer resurrected the object.
bool call_finalizer_from_dealloc(Object* self) {
    self->ob_refcnt = 1;
    Type* tp = self->ob_type;
    bool gc = (tp->tp_flags & TPF_HAVE_GC) != 0;
    if (tp->tp_finalize && !(gc && (as_gc(self)->gc_flags & GC_FINALIZED))) {
        tp->tp_finalize(self);
        if (gc) as_gc(self)->gc_flags |= GC_FINALIZED;
    }
    self->ob_refcnt -= 1;
    if (self->ob_refcnt == 0) return false;
    return true;
}

static void subtype_dealloc(Object* self) {
    Type* type = self->ob_type;
    gc_untrack(self);
    Type* base = type;
    while (base->tp_dealloc == subtype_dealloc) base = base->tp_base;
    bool has_finalizer = type->tp_finalize != nullptr;
    if (type->tp_finalize) {
        gc_track(self);
        if (call_finalizer_from_dealloc(self)) return;  // resurrected
        gc_untrack(self);
    }
    if (type->tp_weaklistoffset && !base->tp_weaklistoffset) clear_weakrefs(self);
    if (has_finalizer && type->tp_weaklistoffset && !base->tp_weaklistoffset) clear_weakrefs_no_callbacks(self);
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        Object** dp = instance_dict_ptr(self);
        if (dp && *dp) clearref(dp);
    }
    bool needs_decref = (type->tp_flags & TPF_HEAPTYPE) && !(base->tp_flags & TPF_HEAPTYPE);
    if (base->tp_flags & TPF_HAVE_GC) gc_track(self);
    incref(type);  // free_object reads the type; keep it alive across basedealloc
    base->tp_dealloc(self);
    if (needs_decref) decref(type);
    decref(type);
}

static int subtype_traverse(Object* self, VisitFn visit, void* arg) {
    Type* type = self->ob_type;
    Type* base = type;
    while (base->tp_traverse == subtype_traverse) base = base->tp_base;
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        Object** dp = instance_dict_ptr(self);
        if (dp && *dp) {
            if (static_cast<DictObject*>(*dp)->managed) {
                // inline values (_PyObject_VisitInstanceAttributes): the values only
                intptr_t pos = 0;
                Object *k, *v;
                while (dict_next(*dp, &pos, &k, &v))
                    if (int r = visit(v, arg)) return r;
            } else if (int r = visit(*dp, arg)) {
                return r;
            }
        }
    }
    if (int r = visit(type, arg)) return r;
    if (base->tp_traverse) return base->tp_traverse(self, visit, arg);
    return 0;
}

static int subtype_clear(Object* self) {
    Type* type = self->ob_type;
    Type* base = type;
    while (base->tp_clear == subtype_clear) base = base->tp_base;
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        Object** dp = instance_dict_ptr(self);
        if (dp && *dp) {
            extern int dict_clear_all(Object*);
            dict_clear_all(*dp);
        }
    }
    if (base->tp_clear) return base->tp_clear(self);
    return 0;
}

// ---- slot functions dispatching to dunders
static Object* slot_tp_repr(Object* self) { return special(self, "__repr__", nullptr, 0); }
static Object* slot_tp_str(Object* self) { return special(self, "__str__", nullptr, 0); }
static intptr_t slot_tp_hash(Object* self) {
    Object* f = type_lookup(self->ob_type, intern("__hash__"));
    if (!f || f == YS_None) {
        raise_format(&TypeError_Type, "unhashable type: '%s'", type_name(self));
        return -1;
    }
    Object* r = special(self, "__hash__", nullptr, 0);
    if (!r) return -1;
    if (!is_int(r)) {
        decref(r);
        raise(&TypeError_Type, "__hash__ method should return an integer");
        return -1;
    }
    // A result past 64 bits is hashed again, as CPython does with a big __hash__.
    intptr_t h = int_is_big(r) ? Int_Type.tp_hash(r) : int_value(r);
    decref(r);
    if (h == -1) h = -2;
    return h;
}
static const char* const kCmpNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
static Object* slot_tp_richcompare(Object* self, Object* other, int op) {
    bool found;
    Object* r = call_special(self, intern(kCmpNames[op]), &other, 1, &found);
    if (!found && !err_occurred()) {
        // fall back to object's defaults (identity for ==, inverse of __eq__ for !=)
        RichCmpFn def = Object_Type.tp_richcompare;
        if (op == 3) {
            Object* eq = call_special(self, intern("__eq__"), &other, 1, &found);
            if (!found) return def(self, other, op);
            if (!eq || eq == YS_NotImplemented) return eq;
            int t = object_is_true(eq);
            decref(eq);
            if (t < 0) return nullptr;
            return new_bool(!t);
        }
        return def(self, other, op);
    }
    return r;
}
static Object* slot_tp_iter(Object* self) {
    Object* f = type_lookup(self->ob_type, intern("__iter__"));
    if (f == YS_None) return raise_format(&TypeError_Type, "'%s' object is not iterable", type_name(self));
    return special(self, "__iter__", nullptr, 0);
}
static Object* slot_tp_iternext(Object* self) { return special(self, "__next__", nullptr, 0); }
static Object* slot_tp_call(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* f = type_lookup(self->ob_type, intern("__call__"));
    if (!f) return raise_format(&TypeError_Type, "'%s' object is not callable", type_name(self));
    incref(f);
    Object* r;
    if (f->ob_type->tp_descr_get) {
        Object* bound = f->ob_type->tp_descr_get(f, self, self->ob_type);
        r = bound ? call(bound, args, nargs, kwnames) : nullptr;
        xdecref(bound);
    } else {
        r = call(f, args, nargs, kwnames);
    }
    decref(f);
    return r;
}
static Object* slot_tp_getattr_hook(Object* self, Object* name) {
    Object* r = generic_getattr(self, name);
    if (r || !err_matches(&AttributeError_Type)) return r;
    Object* getattr = type_lookup(self->ob_type, intern("__getattr__"));
    if (!getattr) return nullptr;
    err_clear();
    return special(self, "__getattr__", &name, 1);
}
static int slot_tp_setattro(Object* self, Object* name, Object* value) {
    Object* r;
    if (value) {
        Object* args[2] = {name, value};
        if (!type_lookup(self->ob_type, intern("__setattr__"))) return generic_setattr(self, name, value);
        r = special(self, "__setattr__", args, 2);
    } else {
        if (!type_lookup(self->ob_type, intern("__delattr__"))) return generic_setattr(self, name, value);
        r = special(self, "__delattr__", &name, 1);
    }
    if (!r) return -1;
    decref(r);
    return 0;
}
static Object* slot_tp_descr_get(Object* self, Object* obj, Object* type) {
    Object* args[2] = {obj ? obj : YS_None, type ? type : YS_None};
    return special(self, "__get__", args, 2);
}
static int slot_tp_descr_set(Object* self, Object* obj, Object* value) {
    Object* r;
    if (value) {
        Object* args[2] = {obj, value};
        r = special(self, "__set__", args, 2);
    } else {
        r = special(self, "__delete__", &obj, 1);
    }
    if (!r) return -1;
    decref(r);
    return 0;
}
static int slot_tp_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* f = type_lookup(self->ob_type, intern("__init__"));
    if (!f) return 0;
    incref(f);
    std::vector<Object*> a(nargs + 1 + (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0));
    a[0] = self;
    for (size_t i = 0; i + 1 < a.size(); i++) a[i + 1] = args[i];
    Object* r;
    if (f->ob_type == &Function_Type || f->ob_type == &MethodDescr_Type) {
        r = call(f, a.data(), nargs + 1, kwnames);
    } else {
        Object* bound = f->ob_type->tp_descr_get ? f->ob_type->tp_descr_get(f, self, self->ob_type) : newref(f);
        r = bound ? call(bound, args, nargs, kwnames) : nullptr;
        xdecref(bound);
    }
    decref(f);
    if (!r) return -1;
    if (r != YS_None) {
        raise_format(&TypeError_Type, "__init__() should return None, not '%s'", type_name(r));
        decref(r);
        return -1;
    }
    decref(r);
    return 0;
}
static Object* slot_tp_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    Object* f = type_getattr_new(type);
    if (!f) return nullptr;
    std::vector<Object*> a(nargs + 1 + (kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0));
    a[0] = type;
    for (size_t i = 0; i + 1 < a.size(); i++) a[i + 1] = args[i];
    Object* r = call(f, a.data(), nargs + 1, kwnames);
    decref(f);
    return r;
}
static void slot_tp_finalize(Object* self) {
    // Save the current exception, as CPython's slot_tp_finalize does.
    Object* saved = err_fetch();
    Object* del = type_lookup(self->ob_type, intern("__del__"));
    if (del) {
        incref(del);
        if (t_sink) {
            trace::Event ev;
            ev.kind = trace::EventKind::Finalizer;
            ev.subject = self->ob_trace_id;
            ev.text = "__del__";
            t_sink->on_event(ev);
        }
        Object* r = call(del, &self, 1);
        if (!r) write_unraisable_with(del, nullptr);
        xdecref(r);
        decref(del);
    }
    err_restore(saved);
}
static int slot_nb_bool(Object* self) {
    bool found;
    Object* r = call_special(self, intern("__bool__"), nullptr, 0, &found);
    if (!found) {
        if (err_occurred()) return -1;
        r = call_special(self, intern("__len__"), nullptr, 0, &found);
        if (!found) return err_occurred() ? -1 : 1;
        if (!r) return -1;
        bool ok;
        int64_t n = as_index(r, &ok);
        decref(r);
        if (!ok) return -1;
        return n != 0;
    }
    if (!r) return -1;
    if (r->ob_type != &Bool_Type) {
        raise_format(&TypeError_Type, "__bool__ should return bool, returned %s", type_name(r));
        decref(r);
        return -1;
    }
    int t = r == YS_True;
    decref(r);
    return t;
}
static intptr_t slot_mp_length(Object* self) {
    Object* r = special(self, "__len__", nullptr, 0);
    if (!r) return -1;
    if (!is_int(r)) {
        raise_format(&TypeError_Type, "'%s' object cannot be interpreted as an integer", type_name(r));
        decref(r);
        return -1;
    }
    if (int_is_big(r)) {
        const bool negative = int_to_big(r).is_negative();
        decref(r);
        if (negative) raise(&ValueError_Type, "__len__() should return >= 0");
        else raise(&OverflowError_Type, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    intptr_t n = int_value(r);
    decref(r);
    if (n < 0) {
        raise(&ValueError_Type, "__len__() should return >= 0");
        return -1;
    }
    return n;
}
static Object* slot_mp_subscript(Object* self, Object* key) { return special(self, "__getitem__", &key, 1); }
static int slot_mp_ass_subscript(Object* self, Object* key, Object* value) {
    Object* r;
    if (value) {
        Object* args[2] = {key, value};
        r = special(self, "__setitem__", args, 2);
    } else {
        r = special(self, "__delitem__", &key, 1);
    }
    if (!r) return -1;
    decref(r);
    return 0;
}
static int slot_sq_contains(Object* self, Object* item) {
    bool found;
    Object* r = call_special(self, intern("__contains__"), &item, 1, &found);
    if (!found) {
        if (err_occurred()) return -1;
        // iterate
        Object* it = get_iter(self);
        if (!it) return -1;
        while (Object* x = iter_next(it)) {
            int c = rich_compare_bool(x, item, 2);
            decref(x);
            if (c) { decref(it); return c; }
        }
        decref(it);
        return err_occurred() ? -1 : 0;
    }
    if (!r) return -1;
    int t = object_is_true(r);
    decref(r);
    return t;
}
static Object* slot_nb_negative(Object* self) { return special(self, "__neg__", nullptr, 0); }
static Object* slot_nb_positive(Object* self) { return special(self, "__pos__", nullptr, 0); }
static Object* slot_nb_invert(Object* self) { return special(self, "__invert__", nullptr, 0); }
static Object* slot_nb_absolute(Object* self) { return special(self, "__abs__", nullptr, 0); }
static Object* slot_nb_index(Object* self) { return special(self, "__index__", nullptr, 0); }
static Object* slot_nb_int(Object* self) { return special(self, "__int__", nullptr, 0); }
static Object* slot_nb_float(Object* self) { return special(self, "__float__", nullptr, 0); }

static const char* const kBinNames[13] = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod",
                                          "or",  "pow", "rshift",   "sub",    "truediv", "xor"};

template <int OP>
static Object* slot_nb_binary(Object* self, Object* other) {
    std::string lname = std::string("__") + kBinNames[OP] + "__";
    std::string rname = std::string("__r") + kBinNames[OP] + "__";
    bool do_other = self->ob_type != other->ob_type && other->ob_type->nb_binary[OP] == slot_nb_binary<OP>;
    bool found;
    if (self->ob_type->nb_binary[OP] == slot_nb_binary<OP>) {
        if (do_other && is_subtype(other->ob_type, self->ob_type) &&
            type_lookup(other->ob_type, intern(rname)) != type_lookup(self->ob_type, intern(rname))) {
            Object* r = call_special(other, intern(rname), &self, 1, &found);
            if (found && (!r || r != YS_NotImplemented)) return r;
            xdecref(r);
            do_other = false;
        }
        Object* r = call_special(self, intern(lname), &other, 1, &found);
        if (!found && !err_occurred()) r = newref(YS_NotImplemented);
        if (!r || r != YS_NotImplemented || other->ob_type == self->ob_type) return r;
        decref(r);
    }
    if (do_other) {
        Object* r = call_special(other, intern(rname), &self, 1, &found);
        if (!found && !err_occurred()) r = newref(YS_NotImplemented);
        return r;
    }
    return newref(YS_NotImplemented);
}
template <int OP>
static Object* slot_nb_inplace(Object* self, Object* other) {
    std::string name = std::string("__i") + kBinNames[OP] + "__";
    bool found;
    Object* r = call_special(self, intern(name), &other, 1, &found);
    if (!found && !err_occurred()) r = newref(YS_NotImplemented);
    return r;
}
template <int... I>
static void set_binary_slots(Type* t, std::integer_sequence<int, I...>, const bool* lhs, const bool* ihs) {
    ((lhs[I] ? (t->nb_binary[I] = slot_nb_binary<I>) : nullptr), ...);
    ((ihs[I] ? (t->nb_inplace[I] = slot_nb_inplace<I>) : nullptr), ...);
}

// Is `name` defined by a class statement somewhere on t's MRO (before a static type)?
static bool defined_in_heap_mro(Type* t, const char* name) {
    Object* key = intern(name);
    Object** items = tuple_items(t->tp_mro);
    for (intptr_t i = 0; i < tuple_size(t->tp_mro); i++) {
        Type* k = static_cast<Type*>(items[i]);
        if (!(k->tp_flags & TPF_HEAPTYPE)) return false;
        if (dict_get_str(k->tp_dict, key)) return true;
    }
    return false;
}

void fixup_slots(Type* t) {
    auto has = [&](const char* n) { return defined_in_heap_mro(t, n); };
    if (has("__repr__")) t->tp_repr = slot_tp_repr;
    if (has("__str__")) t->tp_str = slot_tp_str;
    if (has("__hash__")) t->tp_hash = slot_tp_hash;
    for (const char* n : kCmpNames)
        if (has(n)) t->tp_richcompare = slot_tp_richcompare;
    if (has("__iter__")) t->tp_iter = slot_tp_iter;
    if (has("__next__")) t->tp_iternext = slot_tp_iternext;
    if (has("__call__")) t->tp_call = slot_tp_call;
    if (has("__getattr__")) t->tp_getattro = slot_tp_getattr_hook;
    if (has("__setattr__") || has("__delattr__")) t->tp_setattro = slot_tp_setattro;
    if (has("__get__")) t->tp_descr_get = slot_tp_descr_get;
    if (has("__set__") || has("__delete__")) t->tp_descr_set = slot_tp_descr_set;
    if (has("__init__")) t->tp_init = slot_tp_init;
    if (has("__new__")) t->tp_new = slot_tp_new;
    if (has("__del__")) t->tp_finalize = slot_tp_finalize;
    if (has("__bool__") || has("__len__")) t->nb_bool = slot_nb_bool;
    if (has("__len__")) t->mp_length = slot_mp_length;
    if (has("__getitem__")) t->mp_subscript = slot_mp_subscript;
    if (has("__setitem__") || has("__delitem__")) t->mp_ass_subscript = slot_mp_ass_subscript;
    if (has("__contains__")) t->sq_contains = slot_sq_contains;
    if (has("__neg__")) t->nb_negative = slot_nb_negative;
    if (has("__pos__")) t->nb_positive = slot_nb_positive;
    if (has("__invert__")) t->nb_invert = slot_nb_invert;
    if (has("__abs__")) t->nb_absolute = slot_nb_absolute;
    if (has("__index__")) t->nb_index = slot_nb_index;
    if (has("__int__")) t->nb_int = slot_nb_int;
    if (has("__float__")) t->nb_float = slot_nb_float;
    bool lhs[13], ihs[13];
    for (int i = 0; i < 13; i++) {
        lhs[i] = has(("__" + std::string(kBinNames[i]) + "__").c_str()) ||
                 has(("__r" + std::string(kBinNames[i]) + "__").c_str());
        ihs[i] = has(("__i" + std::string(kBinNames[i]) + "__").c_str());
    }
    set_binary_slots(t, std::make_integer_sequence<int, 13>{}, lhs, ihs);
}

void update_slot_for_name(Type* type, Object*) { fixup_slots(type); }

Object* type_getattr_new(Type* type) {
    Object* f = type_lookup(type, intern("__new__"));
    if (!f) return raise(&TypeError_Type, "no __new__");
    if (f->ob_type == &StaticMethod_Type || f->ob_type->tp_descr_get)
        return f->ob_type->tp_descr_get ? f->ob_type->tp_descr_get(f, nullptr, type) : newref(f);
    return newref(f);
}

// type(name, bases, dict): the class statement's metaclass call.
Object* type_new(Type* meta, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs != 3 || !is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        return raise(&TypeError_Type, "type() takes 1 or 3 arguments");
    Object* bases = args[1];
    if (tuple_size(bases) > 1) return raise(&TypeError_Type, "multiple inheritance is not supported by the mini-VM");
    Type* base = tuple_size(bases) ? static_cast<Type*>(tuple_items(bases)[0]) : &Object_Type;
    if (!has_flag(base, TPF_TYPE_SUBCLASS)) return raise(&TypeError_Type, "bases must be types");
    if (!(base->tp_flags & TPF_BASETYPE))
        return raise_format(&TypeError_Type, "type '%s' is not an acceptable base type", base->tp_name.c_str());
    Type* t = static_cast<Type*>(alloc_object(meta, sizeof(Type)));
    if (!t) return nullptr;
    intptr_t rc = t->ob_refcnt;
    Type* mt = t->ob_type;
    uint64_t tid = t->ob_trace_id;
    new (t) Type();
    t->ob_refcnt = rc;
    t->ob_type = mt;
    t->ob_trace_id = tid;
    t->tp_name = str_value(args[0]);
    t->tp_flags = TPF_HEAPTYPE | TPF_BASETYPE | TPF_HAVE_GC;
    t->tp_base = newref(base);
    t->tp_solid = base->tp_solid ? base->tp_solid : base;
    Object* dict = new_dict();
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(args[2], &pos, &k, &v)) dict_set(dict, k, v);
    t->tp_dict = static_cast<DictObject*>(dict);
    if (Object* q = dict_get_cstr(dict, "__qualname__")) {
        t->tp_qualname = str_value(q);
        dict_del(dict, intern("__qualname__"));
    } else {
        t->tp_qualname = t->tp_name;
    }
    if (Object* m = dict_get_cstr(dict, "__module__")) t->tp_module = newref(m);
    // __eq__ without __hash__ makes instances unhashable.
    if (dict_get_cstr(dict, "__eq__") && !dict_get_cstr(dict, "__hash__")) dict_set_cstr(dict, "__hash__", YS_None);
    // __new__ is implicitly a staticmethod.
    if (Object* nw = dict_get_cstr(dict, "__new__")) {
        if (nw->ob_type == &Function_Type) {
            Object* sm = call1(&StaticMethod_Type, nw);
            if (!sm) { decref(t); return nullptr; }
            dict_set_cstr(dict, "__new__", sm);
            decref(sm);
        }
    }
    for (const char* cm : {"__init_subclass__", "__class_getitem__"}) {
        if (Object* f = dict_get_cstr(dict, cm)) {
            if (f->ob_type == &Function_Type) {
                Object* c = call1(&ClassMethod_Type, f);
                if (!c) { decref(t); return nullptr; }
                dict_set_cstr(dict, cm, c);
                decref(c);
            }
        }
    }
    size_t size = base->tp_basicsize;
    if (!base->tp_dictoffset) {
        t->tp_dictoffset = static_cast<intptr_t>(size);
        size += sizeof(Object*);
    }
    if (!base->tp_weaklistoffset) {
        t->tp_weaklistoffset = static_cast<intptr_t>(size);
        size += sizeof(Object*);
    }
    t->tp_basicsize = size;
    t->tp_dealloc = subtype_dealloc;
    t->tp_traverse = subtype_traverse;
    t->tp_clear = subtype_clear;
    type_ready(t);
    fixup_slots(t);
    // Fill the __class__ cell for zero-argument super().
    if (Object* cell = dict_get_cstr(dict, "__classcell__")) {
        if (cell->ob_type == &Cell_Type) setref(&static_cast<CellObject*>(cell)->ob_ref, newref(static_cast<Object*>(t)));
        dict_del(dict, intern("__classcell__"));
    }
    gc_track(t);
    // __init_subclass__ of the base
    Object* isc = type_lookup(base, intern("__init_subclass__"));
    if (isc && isc->ob_type == &ClassMethod_Type) {
        Object* bound = isc->ob_type->tp_descr_get(isc, nullptr, t);
        Object* r = bound ? call0(bound) : nullptr;
        xdecref(bound);
        if (!r) { decref(t); return nullptr; }
        decref(r);
    }
    return t;
}

}  // namespace ys::vm
