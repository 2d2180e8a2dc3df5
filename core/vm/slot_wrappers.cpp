// Slot wrappers (Objects/typeobject.c's slotdefs): the dunder methods of built-in
// types, exposed so that `object.__init__(self)`, `super().__repr__()`, `g.__next__()`
// and `int.__add__(1, 2)` call the C slot of the type that defines it.
#include <cstdio>

#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type SlotWrapper_Type, MethodWrapper_Type;

using WrapFn = Object* (*)(Type* owner, Object* self, Object* const* args, size_t nargs);
struct SlotDef {
    const char* name;
    bool (*present)(Type*);
    WrapFn call;
    size_t nargs;  // expected arguments after self
};

struct SlotWrapperObject : Object {
    const SlotDef* def;
    Type* owner;
};
struct MethodWrapperObject : Object {
    SlotWrapperObject* descr;
    Object* self;
};

static Object* ret_int(intptr_t v) { return v < 0 && err_occurred() ? nullptr : new_int(v); }
static Object* ret_bool(int v) { return v < 0 ? nullptr : new_bool(v); }
static Object* ret_none(int v) { return v < 0 ? nullptr : none(); }

#define SLOT_PRESENT(slot) [](Type* t) { return t->slot != nullptr; }
static const SlotDef kSlots[] = {
    {"__repr__", SLOT_PRESENT(tp_repr), [](Type* o, Object* s, Object* const*, size_t) { return o->tp_repr(s); }, 0},
    {"__str__", SLOT_PRESENT(tp_str), [](Type* o, Object* s, Object* const*, size_t) { return o->tp_str(s); }, 0},
    {"__hash__", SLOT_PRESENT(tp_hash), [](Type* o, Object* s, Object* const*, size_t) { return ret_int(o->tp_hash(s)); }, 0},
    {"__iter__", SLOT_PRESENT(tp_iter), [](Type* o, Object* s, Object* const*, size_t) { return o->tp_iter(s); }, 0},
    {"__next__", SLOT_PRESENT(tp_iternext),
     [](Type* o, Object* s, Object* const*, size_t) -> Object* {
         Object* r = o->tp_iternext(s);
         if (!r && !err_occurred()) raise_object(&StopIteration_Type, nullptr);
         return r;
     }, 0},
    {"__getattribute__", SLOT_PRESENT(tp_getattro),
     [](Type* o, Object* s, Object* const* a, size_t) -> Object* {
         if (!is_str(a[0])) return raise_format(&TypeError_Type, "attribute name must be string, not '%s'", type_name(a[0]));
         return o->tp_getattro(s, a[0]);
     }, 1},
    {"__setattr__", SLOT_PRESENT(tp_setattro),
     [](Type* o, Object* s, Object* const* a, size_t) { return ret_none(o->tp_setattro(s, a[0], a[1])); }, 2},
    {"__delattr__", SLOT_PRESENT(tp_setattro),
     [](Type* o, Object* s, Object* const* a, size_t) { return ret_none(o->tp_setattro(s, a[0], nullptr)); }, 1},
    {"__len__", SLOT_PRESENT(mp_length), [](Type* o, Object* s, Object* const*, size_t) { return ret_int(o->mp_length(s)); }, 0},
    {"__getitem__", SLOT_PRESENT(mp_subscript), [](Type* o, Object* s, Object* const* a, size_t) { return o->mp_subscript(s, a[0]); }, 1},
    {"__setitem__", SLOT_PRESENT(mp_ass_subscript),
     [](Type* o, Object* s, Object* const* a, size_t) { return ret_none(o->mp_ass_subscript(s, a[0], a[1])); }, 2},
    {"__delitem__", SLOT_PRESENT(mp_ass_subscript),
     [](Type* o, Object* s, Object* const* a, size_t) { return ret_none(o->mp_ass_subscript(s, a[0], nullptr)); }, 1},
    {"__contains__", SLOT_PRESENT(sq_contains), [](Type* o, Object* s, Object* const* a, size_t) { return ret_bool(o->sq_contains(s, a[0])); }, 1},
    {"__bool__", SLOT_PRESENT(nb_bool), [](Type* o, Object* s, Object* const*, size_t) { return ret_bool(o->nb_bool(s)); }, 0},
    {"__neg__", SLOT_PRESENT(nb_negative), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_negative(s); }, 0},
    {"__pos__", SLOT_PRESENT(nb_positive), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_positive(s); }, 0},
    {"__invert__", SLOT_PRESENT(nb_invert), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_invert(s); }, 0},
    {"__abs__", SLOT_PRESENT(nb_absolute), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_absolute(s); }, 0},
    {"__int__", SLOT_PRESENT(nb_int), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_int(s); }, 0},
    {"__float__", SLOT_PRESENT(nb_float), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_float(s); }, 0},
    {"__index__", SLOT_PRESENT(nb_index), [](Type* o, Object* s, Object* const*, size_t) { return o->nb_index(s); }, 0},
    {"__get__", SLOT_PRESENT(tp_descr_get),
     [](Type* o, Object* s, Object* const* a, size_t n) {
         Object* obj = a[0] == YS_None ? nullptr : a[0];
         Object* type = n > 1 && a[1] != YS_None ? a[1] : nullptr;
         return o->tp_descr_get(s, obj, type);
     }, 1},
    {"__call__", SLOT_PRESENT(tp_call), nullptr, 0},
    {"__init__", SLOT_PRESENT(tp_init), nullptr, 0},
#define CMP_SLOT(NAME, OP)                                                                                    \
    {NAME, SLOT_PRESENT(tp_richcompare),                                                                      \
     [](Type* o, Object* s, Object* const* a, size_t) { return o->tp_richcompare(s, a[0], OP); }, 1},
    CMP_SLOT("__lt__", 0) CMP_SLOT("__le__", 1) CMP_SLOT("__eq__", 2) CMP_SLOT("__ne__", 3) CMP_SLOT("__gt__", 4)
    CMP_SLOT("__ge__", 5)
#define BIN_SLOT(NAME, RNAME, I)                                                                              \
    {NAME, [](Type* t) { return t->nb_binary[I] != nullptr; },                                                \
     [](Type* o, Object* s, Object* const* a, size_t) { return o->nb_binary[I](s, a[0]); }, 1},              \
    {RNAME, [](Type* t) { return t->nb_binary[I] != nullptr; },                                               \
     [](Type* o, Object* s, Object* const* a, size_t) { return o->nb_binary[I](a[0], s); }, 1},
    BIN_SLOT("__add__", "__radd__", 0) BIN_SLOT("__and__", "__rand__", 1)
    BIN_SLOT("__floordiv__", "__rfloordiv__", 2) BIN_SLOT("__lshift__", "__rlshift__", 3)
    BIN_SLOT("__mul__", "__rmul__", 5) BIN_SLOT("__mod__", "__rmod__", 6) BIN_SLOT("__or__", "__ror__", 7)
    BIN_SLOT("__pow__", "__rpow__", 8) BIN_SLOT("__rshift__", "__rrshift__", 9)
    BIN_SLOT("__sub__", "__rsub__", 10) BIN_SLOT("__truediv__", "__rtruediv__", 11)
    BIN_SLOT("__xor__", "__rxor__", 12)
};

static Object* call_slot(const SlotDef* def, Type* owner, Object* self, Object* const* args, size_t nargs,
                         Object* kwnames) {
    const char* name = def->name;
    if (std::string(name) == "__call__") return owner->tp_call(self, args, nargs, kwnames);
    if (std::string(name) == "__init__") {
        if (owner->tp_init(self, args, nargs, kwnames) < 0) return nullptr;
        return none();
    }
    if (kwnames && tuple_size(kwnames))
        return raise_format(&TypeError_Type, "wrapper %s() takes no keyword arguments", name);
    size_t want = def->nargs;
    if (std::string(name) == "__get__") {
        if (nargs < 1 || nargs > 2)
            return raise_format(&TypeError_Type, "expected 1 or 2 arguments, got %zu", nargs);
    } else if (nargs != want) {
        return raise_format(&TypeError_Type, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs);
    }
    return def->call(owner, self, args, nargs);
}

static Object* wrapper_get(Object* d, Object* obj, Object*) {
    if (!obj) return newref(d);
    MethodWrapperObject* m = alloc<MethodWrapperObject>(&MethodWrapper_Type);
    if (!m) return nullptr;
    m->descr = static_cast<SlotWrapperObject*>(newref(d));
    m->self = newref(obj);
    gc_track(m);
    return m;
}
static Object* wrapper_call(Object* d, Object* const* args, size_t nargs, Object* kwnames) {
    auto* w = static_cast<SlotWrapperObject*>(d);
    if (nargs < 1)
        return raise_format(&TypeError_Type, "descriptor '%s' of '%s' object needs an argument", w->def->name,
                            w->owner->tp_name.c_str());
    if (!isinstance(args[0], w->owner))
        return raise_format(&TypeError_Type, "descriptor '%s' requires a '%s' object but received a '%s'",
                            w->def->name, w->owner->tp_name.c_str(), type_name(args[0]));
    return call_slot(w->def, w->owner, args[0], args + 1, nargs - 1, kwnames);
}
static Object* wrapper_repr(Object* d) {
    auto* w = static_cast<SlotWrapperObject*>(d);
    return new_str(std::string("<slot wrapper '") + w->def->name + "' of '" + w->owner->tp_name + "' objects>");
}
static void wrapper_dealloc(Object* o) { free_object(o); }

static Object* mw_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
    auto* m = static_cast<MethodWrapperObject*>(o);
    return call_slot(m->descr->def, m->descr->owner, m->self, args, nargs, kwnames);
}
static Object* mw_repr(Object* o) {
    auto* m = static_cast<MethodWrapperObject*>(o);
    char buf[64];
    snprintf(buf, sizeof buf, " object at %p>", object_address_ptr(m->self));
    return new_str(std::string("<method-wrapper '") + m->descr->def->name + "' of " + type_name(m->self) + buf);
}
static void mw_dealloc(Object* o) {
    gc_untrack(o);
    auto* m = static_cast<MethodWrapperObject*>(o);
    decref(m->descr);
    decref(m->self);
    free_object(o);
}
static int mw_traverse(Object* o, VisitFn visit, void* arg) {
    auto* m = static_cast<MethodWrapperObject*>(o);
    if (int r = visit(m->descr, arg)) return r;
    return visit(m->self, arg);
}

// tp_new_wrapper: X.__new__(Y, ...) checks Y and calls X's tp_new.
static Object* tp_new_wrapper(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Type* type = static_cast<Type*>(self);
    if (nargs < 1) return raise_format(&TypeError_Type, "%s.__new__(): not enough arguments", type->tp_name.c_str());
    Object* arg0 = args[0];
    if (!has_flag(arg0, TPF_TYPE_SUBCLASS))
        return raise_format(&TypeError_Type, "%s.__new__(X): X is not a type object (%s)", type->tp_name.c_str(),
                            type_name(arg0));
    Type* sub = static_cast<Type*>(arg0);
    if (!is_subtype(sub, type))
        return raise_format(&TypeError_Type, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name.c_str(),
                            sub->tp_name.c_str(), sub->tp_name.c_str(), type->tp_name.c_str());
    return type->tp_new(sub, args + 1, nargs - 1, kwnames);
}
static const MethodDef kNewDef = {"__new__", tp_new_wrapper};

static Object* object_format_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise_format(&TypeError_Type, "__format__() argument must be str, not %s", type_name(args[0]));
    if (!str_value(args[0]).empty())
        return raise_format(&TypeError_Type, "unsupported format string passed to %s.__format__",
                            self->ob_type->tp_name.c_str());
    return object_str(self);
}
static Object* object_init_subclass(Object*, Object* const*, size_t, Object*) { return none(); }

// Adds the wrappers of the slots `t` defines itself (not inherited from its base).
void add_slot_wrappers(Type* t) {
    Object* d = t->tp_dict;
    for (const SlotDef& def : kSlots) {
        if (!def.present(t)) continue;
        if (t->tp_base && t->tp_base->tp_dict && def.present(t->tp_base)) {
            // inherited unchanged: the base's wrapper is found through the MRO
            bool same = false;
            std::string n = def.name;
            Type* b = t->tp_base;
            if (n == "__repr__") same = b->tp_repr == t->tp_repr;
            else if (n == "__str__") same = b->tp_str == t->tp_str;
            else if (n == "__hash__") same = b->tp_hash == t->tp_hash;
            else if (n == "__iter__") same = b->tp_iter == t->tp_iter;
            else if (n == "__next__") same = b->tp_iternext == t->tp_iternext;
            else if (n == "__getattribute__") same = b->tp_getattro == t->tp_getattro;
            else if (n == "__setattr__" || n == "__delattr__") same = b->tp_setattro == t->tp_setattro;
            else if (n == "__init__") same = b->tp_init == t->tp_init;
            else if (n == "__call__") same = b->tp_call == t->tp_call;
            else if (n.size() == 6 && (n == "__lt__" || n == "__le__" || n == "__eq__" || n == "__ne__" || n == "__gt__" || n == "__ge__"))
                same = b->tp_richcompare == t->tp_richcompare;
            if (same) continue;
        }
        if (dict_get_cstr(d, def.name)) continue;
        SlotWrapperObject* w = alloc<SlotWrapperObject>(&SlotWrapper_Type);
        w->def = &def;
        w->owner = t;
        dict_set_cstr(d, def.name, w);
        decref(w);
    }
    if (t->tp_new && !dict_get_cstr(d, "__new__") && (t == &Object_Type || t->tp_new != t->tp_base->tp_new)) {
        Object* f = new_builtin_function(&kNewDef, t);
        dict_set_cstr(d, "__new__", f);
        decref(f);
    }
}

void init_slot_wrapper_types() {
    Type* t = &SlotWrapper_Type;
    t->tp_name = "wrapper_descriptor";
    t->tp_basicsize = sizeof(SlotWrapperObject);
    t->tp_dealloc = wrapper_dealloc;
    t->tp_descr_get = wrapper_get;
    t->tp_call = wrapper_call;
    t->tp_repr = wrapper_repr;
    Type* m = &MethodWrapper_Type;
    m->tp_name = "method-wrapper";
    m->tp_basicsize = sizeof(MethodWrapperObject);
    m->tp_flags = TPF_HAVE_GC;
    m->tp_dealloc = mw_dealloc;
    m->tp_traverse = mw_traverse;
    m->tp_call = mw_call;
    m->tp_repr = mw_repr;
    Object_Type.tp_methods.push_back({"__format__", object_format_meth});
    Object_Type.tp_methods.push_back({"__init_subclass__", object_init_subclass, METH_CLASS});
}

}  // namespace ys::vm
