// The abstract object API (Objects/abstract.c, object.c): repr/str/hash, rich
// comparison with reflection, truth, attributes, calls, iteration, the number and
// mapping protocols, with CPython's error messages.
#include <vector>

#include "lang/opcodes.h"
#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

Type SeqIter_Type;

const char* type_name(Object* o) { return o->ob_type->tp_name.c_str(); }

Object* object_repr(Object* o) {
    if (!o->ob_type->tp_repr) return raise(&TypeError_Type, "no repr");
    if (!enter_recursive_call(" while getting the repr of an object")) return nullptr;
    Object* r = o->ob_type->tp_repr(o);
    leave_recursive_call();
    if (r && !is_str(r)) {
        raise_format(&TypeError_Type, "__repr__ returned non-string (type %s)", type_name(r));
        decref(r);
        return nullptr;
    }
    return r;
}

Object* object_str(Object* o) {
    if (o->ob_type == &Str_Type) return newref(o);
    UnaryFn f = o->ob_type->tp_str ? o->ob_type->tp_str : o->ob_type->tp_repr;
    if (!enter_recursive_call(" while getting the str of an object")) return nullptr;
    Object* r = f(o);
    leave_recursive_call();
    if (r && !is_str(r)) {
        raise_format(&TypeError_Type, "__str__ returned non-string (type %s)", type_name(r));
        decref(r);
        return nullptr;
    }
    return r;
}

std::string repr_string(Object* o, bool* ok) {
    Object* r = object_repr(o);
    if (!r) {
        if (ok) *ok = false;
        return {};
    }
    std::string s = str_value(r);
    decref(r);
    return s;
}

intptr_t object_hash(Object* o) {
    if (o->ob_type == &Str_Type) return str_hash(o);
    HashFn h = o->ob_type->tp_hash;
    if (!h) {
        raise_format(&TypeError_Type, "unhashable type: '%s'", type_name(o));
        return -1;
    }
    return h(o);
}

static const int kSwapped[] = {4, 5, 2, 3, 0, 1};

Object* rich_compare(Object* v, Object* w, int op) {
    bool checked_reverse = false;
    Object* res;
    if (v->ob_type != w->ob_type && is_subtype(w->ob_type, v->ob_type) && w->ob_type->tp_richcompare) {
        checked_reverse = true;
        res = w->ob_type->tp_richcompare(w, v, kSwapped[op]);
        if (res != YS_NotImplemented) return res;
        decref(res);
    }
    if (v->ob_type->tp_richcompare) {
        res = v->ob_type->tp_richcompare(v, w, op);
        if (res != YS_NotImplemented) return res;
        decref(res);
    }
    if (!checked_reverse && w->ob_type->tp_richcompare) {
        res = w->ob_type->tp_richcompare(w, v, kSwapped[op]);
        if (res != YS_NotImplemented) return res;
        decref(res);
    }
    if (op == 2) return new_bool(v == w);
    if (op == 3) return new_bool(v != w);
    return raise_format(&TypeError_Type, "'%s' not supported between instances of '%s' and '%s'", kCmpOpText[op],
                        type_name(v), type_name(w));
}

int rich_compare_bool(Object* a, Object* b, int op) {
    if (a == b) {
        if (op == 2) return 1;
        if (op == 3) return 0;
    }
    Object* r = rich_compare(a, b, op);
    if (!r) return -1;
    int t = r == YS_True ? 1 : r == YS_False ? 0 : object_is_true(r);
    decref(r);
    return t;
}

int object_is_true(Object* o) {
    if (o == YS_True) return 1;
    if (o == YS_False || o == YS_None) return 0;
    Type* t = o->ob_type;
    if (t->nb_bool) return t->nb_bool(o);
    if (t->mp_length) {
        intptr_t n = t->mp_length(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

void set_attribute_error_context(Object* obj, Object* name);  // suggestions.cpp

Object* get_attr(Object* o, Object* name) {
    GetAttrFn f = o->ob_type->tp_getattro;
    if (!f) return raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", type_name(o), str_value(name).c_str());
    Object* r = f(o, name);
    if (!r) set_attribute_error_context(o, name);
    return r;
}

Object* get_attr_str(Object* o, std::string_view name) { return get_attr(o, intern(name)); }

Object* lookup_attr(Object* o, Object* name, bool* error) {
    Object* r = get_attr(o, name);
    if (error) *error = false;
    if (!r) {
        if (err_matches(&AttributeError_Type)) {
            err_clear();
        } else if (error) {
            *error = true;
        }
    }
    return r;
}

int set_attr(Object* o, Object* name, Object* value) {
    SetAttrFn f = o->ob_type->tp_setattro;
    if (!f) {
        raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", type_name(o), str_value(name).c_str());
        return -1;
    }
    return f(o, name, value);
}

static bool is_vectorcall_type(Type* t) {
    return t == &Function_Type || t == &Method_Type || t == &BuiltinFunction_Type || t == &MethodDescr_Type;
}

Object* call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
    Type* t = callable->ob_type;
    CallFn f = t->tp_call;
    if (!f) return raise_format(&TypeError_Type, "'%s' object is not callable", type_name(callable));
    if (is_vectorcall_type(t)) return f(callable, args, nargs, kwnames);
    if (!enter_recursive_call(" while calling a Python object")) return nullptr;
    Object* r = f(callable, args, nargs, kwnames);
    leave_recursive_call();
    return r;
}

Object* call0(Object* callable) { return call(callable, nullptr, 0); }
Object* call1(Object* callable, Object* arg) { return call(callable, &arg, 1); }

Object* call_method(Object* self, std::string_view name, Object* const* args, size_t nargs) {
    Object* m = get_attr(self, intern(name));
    if (!m) return nullptr;
    Object* r = call(m, args, nargs);
    decref(m);
    return r;
}

// Sequence iterator for objects with only __getitem__ (PySeqIter).
struct SeqIterObject : Object {
    intptr_t index;
    Object* seq;
};
static Object* seqiter_next(Object* o) {
    SeqIterObject* it = static_cast<SeqIterObject*>(o);
    if (!it->seq) return nullptr;
    Object* i = new_int(it->index);
    Object* r = get_item(it->seq, i);
    decref(i);
    if (r) {
        it->index++;
        return r;
    }
    if (err_matches(&IndexError_Type) || err_matches(&StopIteration_Type)) {
        err_clear();
        clearref(&it->seq);
    }
    return nullptr;
}

Object* get_iter(Object* o) {
    UnaryFn f = o->ob_type->tp_iter;
    if (!f) {
        if (o->ob_type->mp_subscript && !is_dict(o)) {
            SeqIterObject* it = alloc<SeqIterObject>(&SeqIter_Type);
            if (!it) return nullptr;
            it->seq = newref(o);
            gc_track(it);
            return it;
        }
        return raise_format(&TypeError_Type, "'%s' object is not iterable", type_name(o));
    }
    Object* r = f(o);
    if (r && !r->ob_type->tp_iternext) {
        raise_format(&TypeError_Type, "iter() returned non-iterator of type '%s'", type_name(r));
        decref(r);
        return nullptr;
    }
    return r;
}

Object* iter_next(Object* it) {
    UnaryFn f = it->ob_type->tp_iternext;
    if (!f) return raise_format(&TypeError_Type, "'%s' object is not an iterator", type_name(it));
    Object* r = f(it);
    if (!r && err_matches(&StopIteration_Type)) err_clear();
    return r;
}

static Object* binary_op1(Object* v, Object* w, int slot) {
    BinaryFn slotv = v->ob_type->nb_binary[slot];
    BinaryFn slotw = nullptr;
    if (w->ob_type != v->ob_type) {
        slotw = w->ob_type->nb_binary[slot];
        if (slotw == slotv) slotw = nullptr;
    }
    if (slotv) {
        if (slotw && is_subtype(w->ob_type, v->ob_type)) {
            Object* x = slotw(v, w);
            if (x != YS_NotImplemented) return x;
            decref(x);
            slotw = nullptr;
        }
        Object* x = slotv(v, w);
        if (x != YS_NotImplemented) return x;
        decref(x);
    }
    if (slotw) {
        Object* x = slotw(v, w);
        if (x != YS_NotImplemented) return x;
        decref(x);
    }
    return newref(YS_NotImplemented);
}

static bool is_concat_seq(Object* o) { return is_str(o) || is_list(o) || is_tuple(o); }

Object* binary_op(Object* v, Object* w, int op) {
    bool inplace = op >= 13;
    int slot = inplace ? op - 13 : op;
    Object* r;
    if (inplace && v->ob_type->nb_inplace[slot]) {
        r = v->ob_type->nb_inplace[slot](v, w);
        if (r != YS_NotImplemented) return r;
        decref(r);
    }
    r = binary_op1(v, w, slot);
    if (r != YS_NotImplemented) return r;
    decref(r);
    if (slot == 0 && is_concat_seq(v))
        return raise_format(&TypeError_Type, "can only concatenate %s (not \"%s\") to %s", type_name(v), type_name(w),
                            type_name(v));
    if (slot == 5 && (is_concat_seq(v) || is_concat_seq(w))) {
        Object* n = is_concat_seq(v) ? w : v;
        if (!n->ob_type->nb_index)
            return raise_format(&TypeError_Type, "can't multiply sequence by non-int of type '%s'", type_name(n));
    }
    if (slot == 8)
        return raise_format(&TypeError_Type, "unsupported operand type(s) for %s: '%s' and '%s'",
                            inplace ? "**=" : "** or pow()", type_name(v), type_name(w));
    return raise_format(&TypeError_Type, "unsupported operand type(s) for %s: '%s' and '%s'", nb_op_text(static_cast<unsigned>(op)),
                        type_name(v), type_name(w));
}

Object* unary_negative(Object* o) {
    if (!o->ob_type->nb_negative) return raise_format(&TypeError_Type, "bad operand type for unary -: '%s'", type_name(o));
    return o->ob_type->nb_negative(o);
}
Object* unary_positive(Object* o) {
    if (!o->ob_type->nb_positive) return raise_format(&TypeError_Type, "bad operand type for unary +: '%s'", type_name(o));
    return o->ob_type->nb_positive(o);
}
Object* unary_invert(Object* o) {
    if (!o->ob_type->nb_invert) return raise_format(&TypeError_Type, "bad operand type for unary ~: '%s'", type_name(o));
    return o->ob_type->nb_invert(o);
}

Object* get_item(Object* o, Object* key) {
    if (BinaryFn f = o->ob_type->mp_subscript) return f(o, key);
    if (has_flag(o, TPF_TYPE_SUBCLASS)) {
        Object* cgi = type_lookup(static_cast<Type*>(o), intern("__class_getitem__"));
        if (cgi) {
            Object* bound = cgi->ob_type->tp_descr_get ? cgi->ob_type->tp_descr_get(cgi, nullptr, o) : newref(cgi);
            Object* r = bound ? call1(bound, key) : nullptr;
            xdecref(bound);
            return r;
        }
        return raise_format(&TypeError_Type, "type '%s' is not subscriptable", static_cast<Type*>(o)->tp_name.c_str());
    }
    return raise_format(&TypeError_Type, "'%s' object is not subscriptable", type_name(o));
}

int set_item(Object* o, Object* key, Object* value) {
    if (ObjObjArgFn f = o->ob_type->mp_ass_subscript) return f(o, key, value);
    if (value)
        raise_format(&TypeError_Type, "'%s' object does not support item assignment", type_name(o));
    else
        raise_format(&TypeError_Type, "'%s' object doesn't support item deletion", type_name(o));
    return -1;
}

int contains(Object* container, Object* item) {
    if (ObjObjFn f = container->ob_type->sq_contains) return f(container, item);
    if (!container->ob_type->tp_iter && !container->ob_type->mp_subscript) {
        raise_format(&TypeError_Type, "argument of type '%s' is not iterable", type_name(container));
        return -1;
    }
    Object* it = get_iter(container);
    if (!it) return -1;
    while (Object* x = iter_next(it)) {
        int c = rich_compare_bool(x, item, 2);
        decref(x);
        if (c) {
            decref(it);
            return c;
        }
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

intptr_t object_length(Object* o) {
    if (LenFn f = o->ob_type->mp_length) return f(o);
    raise_format(&TypeError_Type, "object of type '%s' has no len()", type_name(o));
    return -1;
}

bool callable_check(Object* o) { return o->ob_type->tp_call != nullptr; }

int isinstance_check(Object* inst, Object* cls) {
    if (is_tuple(cls)) {
        for (intptr_t i = 0; i < tuple_size(cls); i++) {
            int r = isinstance_check(inst, tuple_items(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!has_flag(cls, TPF_TYPE_SUBCLASS)) {
        raise(&TypeError_Type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    return isinstance(inst, static_cast<Type*>(cls));
}

int issubclass_check(Object* derived, Object* cls) {
    if (!has_flag(derived, TPF_TYPE_SUBCLASS)) {
        raise(&TypeError_Type, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (is_tuple(cls)) {
        for (intptr_t i = 0; i < tuple_size(cls); i++) {
            int r = issubclass_check(derived, tuple_items(cls)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!has_flag(cls, TPF_TYPE_SUBCLASS)) {
        raise(&TypeError_Type, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return is_subtype(static_cast<Type*>(derived), static_cast<Type*>(cls));
}

Object* sequence_to_list(Object* iterable) {
    Object* l = new_list(0);
    if (!l) return nullptr;
    if (is_list(iterable) || is_tuple(iterable)) {
        Object* const* items = is_list(iterable) ? list_items(iterable).data() : tuple_items(iterable);
        intptr_t n = is_list(iterable) ? static_cast<intptr_t>(list_items(iterable).size()) : tuple_size(iterable);
        for (intptr_t i = 0; i < n; i++) list_append(l, items[i]);
        return l;
    }
    Object* it = get_iter(iterable);
    if (!it) {
        decref(l);
        return nullptr;
    }
    while (Object* x = iter_next(it)) {
        list_items(l).push_back(x);
    }
    decref(it);
    if (err_occurred()) {
        decref(l);
        return nullptr;
    }
    return l;
}

Object* sequence_to_tuple(Object* iterable) {
    if (iterable->ob_type == &Tuple_Type) return newref(iterable);
    Object* l = sequence_to_list(iterable);
    if (!l) return nullptr;
    auto& v = list_items(l);
    Object* t = tuple_from(v.data(), static_cast<intptr_t>(v.size()));
    decref(l);
    return t;
}

static Object* self_iter(Object* o) { return newref(o); }
static void seqiter_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<SeqIterObject*>(o)->seq);
    free_object(o);
}
static int seqiter_traverse(Object* o, VisitFn visit, void* arg) {
    Object* s = static_cast<SeqIterObject*>(o)->seq;
    return s ? visit(s, arg) : 0;
}

void init_abstract_types() {
    Type* t = &SeqIter_Type;
    t->tp_name = "iterator";
    t->tp_basicsize = sizeof(SeqIterObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = seqiter_dealloc;
    t->tp_traverse = seqiter_traverse;
    t->tp_iter = self_iter;
    t->tp_iternext = seqiter_next;
}

}  // namespace ys::vm
