// set / frozenset methods (add is in set_core.cpp): discard, remove, pop, clear, copy,
// union, intersection, difference, symmetric_difference (and the *_update forms),
// issubset, issuperset, isdisjoint; plus the in-place operators |= &= -= ^=, which
// mutate the left set instead of building a new one.
#include "vm/builtins_util.h"

namespace ys::vm {

int set_clear_all(Object* o);  // set_core.cpp

static bool frozen(Object* s) { return !isinstance(s, &Set_Type); }
static std::string mname(Object* self, const char* m) {
    return std::string(frozen(self) ? "frozenset." : "set.") + m;
}
static bool args0(Object* self, const char* m, size_t nargs, Object* kwnames) {
    std::string n = mname(self, m);
    return no_kwargs(n.c_str(), kwnames) && check_nargs(n.c_str(), nargs, 0, 0);
}
static bool args1(Object* self, const char* m, size_t nargs, Object* kwnames) {
    std::string n = mname(self, m);
    return no_kwargs(n.c_str(), kwnames) && check_nargs(n.c_str(), nargs, 1, 1);
}

// Adds every item of `iterable` to set s. -1 on error.
static int add_all(Object* s, Object* iterable) {
    if (is_set(iterable)) {
        intptr_t pos = 0;
        Object* k;
        std::vector<Object*> keys;
        while (set_next(iterable, &pos, &k)) keys.push_back(newref(k));
        int r = 0;
        for (Object* x : keys) {
            if (r == 0 && set_add(s, x) < 0) r = -1;
            decref(x);
        }
        return r;
    }
    Object* it = get_iter(iterable);
    if (!it) return -1;
    while (Object* x = iter_next(it)) {
        int r = set_add(s, x);
        decref(x);
        if (r < 0) break;
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

// A set holding the items of `o` (o itself, new reference, when it is a set already).
static Object* as_set(Object* o) {
    if (is_set(o)) return newref(o);
    Object* s = new_set();
    if (s && add_all(s, o) < 0) clearref(&s);
    return s;
}

static Object* new_like(Object* self) { return new_set(frozen(self) ? &FrozenSet_Type : &Set_Type); }

static Object* copy_of(Object* self) {
    Object* r = new_like(self);
    if (r && add_all(r, self) < 0) clearref(&r);
    return r;
}

// Items of `self` kept or dropped by membership in `other`.
static Object* filter_by(Object* self, Object* other, bool keep_members) {
    Object* o = as_set(other);
    if (!o) return nullptr;
    Object* r = new_like(self);
    if (!r) {
        decref(o);
        return nullptr;
    }
    // Iterate over a snapshot: __eq__ may mutate.
    std::vector<Object*> keys;
    intptr_t pos = 0;
    Object* k;
    while (set_next(self, &pos, &k)) keys.push_back(newref(k));
    int err = 0;
    for (Object* x : keys) {
        if (!err) {
            int c = set_contains(o, x);
            if (c < 0 || (((c == 1) == keep_members) && set_add(r, x) < 0)) err = 1;
        }
        decref(x);
    }
    decref(o);
    if (err) clearref(&r);
    return r;
}

static Object* sym_diff(Object* self, Object* other) {
    Object* o = as_set(other);
    if (!o) return nullptr;
    Object* r = filter_by(self, o, false);
    Object* back = r ? filter_by(o, self, false) : nullptr;
    if (back && add_all(r, back) < 0) clearref(&r);
    xdecref(back);
    decref(o);
    if (r && !back) clearref(&r);
    return r;
}

static Object* set_union(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(mname(self, "union").c_str(), kwnames)) return nullptr;
    Object* r = copy_of(self);
    for (size_t i = 0; r && i < nargs; i++)
        if (add_all(r, args[i]) < 0) clearref(&r);
    return r;
}

static Object* set_intersection(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(mname(self, "intersection").c_str(), kwnames)) return nullptr;
    Object* r = copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        Object* n = filter_by(r, args[i], true);
        decref(r);
        r = n;
    }
    return r;
}

static Object* set_difference(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(mname(self, "difference").c_str(), kwnames)) return nullptr;
    Object* r = copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        Object* n = filter_by(r, args[i], false);
        decref(r);
        r = n;
    }
    return r;
}

static Object* set_symmetric_difference(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "symmetric_difference", nargs, kwnames)) return nullptr;
    return sym_diff(self, args[0]);
}

// Replaces the contents of set `self` by those of `src` (steals src).
static Object* assign_from(Object* self, Object* src) {
    if (!src) return nullptr;
    set_clear_all(self);
    int r = add_all(self, src);
    decref(src);
    if (r < 0) return nullptr;
    return none();
}

static Object* set_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("set.update", kwnames)) return nullptr;
    for (size_t i = 0; i < nargs; i++)
        if (add_all(self, args[i]) < 0) return nullptr;
    return none();
}
static Object* set_intersection_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    return assign_from(self, set_intersection(self, args, nargs, kwnames));
}
static Object* set_difference_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    return assign_from(self, set_difference(self, args, nargs, kwnames));
}
static Object* set_symmetric_difference_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "symmetric_difference_update", nargs, kwnames)) return nullptr;
    return assign_from(self, sym_diff(self, args[0]));
}

static int subset_of(Object* a, Object* b) {  // -1 error
    Object* o = as_set(b);
    if (!o) return -1;
    intptr_t pos = 0;
    Object* k;
    int result = 1;
    while (set_next(a, &pos, &k)) {
        int c = set_contains(o, k);
        if (c <= 0) {
            result = c;
            break;
        }
    }
    decref(o);
    return result;
}

static Object* set_issubset(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "issubset", nargs, kwnames)) return nullptr;
    int r = subset_of(self, args[0]);
    return r < 0 ? nullptr : new_bool(r);
}
static Object* set_issuperset(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "issuperset", nargs, kwnames)) return nullptr;
    Object* o = as_set(args[0]);
    if (!o) return nullptr;
    int r = subset_of(o, self);
    decref(o);
    return r < 0 ? nullptr : new_bool(r);
}
static Object* set_isdisjoint(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "isdisjoint", nargs, kwnames)) return nullptr;
    Object* common = filter_by(self, args[0], true);
    if (!common) return nullptr;
    bool empty = static_cast<SetObject*>(common)->used == 0;
    decref(common);
    return new_bool(empty);
}

static Object* set_discard_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "discard", nargs, kwnames)) return nullptr;
    if (set_discard(self, args[0]) < 0) return nullptr;
    return none();
}
static Object* set_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!args1(self, "remove", nargs, kwnames)) return nullptr;
    int r = set_discard(self, args[0]);
    if (r < 0) return nullptr;
    if (r == 0) return raise_object(&KeyError_Type, args[0]);
    return none();
}

// set.pop scans from the "finger" left by the previous pop, as CPython, so the
// sequence of popped items matches.
static Object* set_pop(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!args0(self, "pop", nargs, kwnames)) return nullptr;
    auto* so = static_cast<SetObject*>(self);
    if (so->used == 0) return raise(&KeyError_Type, "pop from an empty set");
    intptr_t pos = so->finger & so->mask;
    Object* key;
    if (!set_next(self, &pos, &key)) {
        pos = 0;
        set_next(self, &pos, &key);
    }
    incref(key);
    set_discard(self, key);
    so->finger = pos;  // one past the popped slot
    return key;
}

static Object* set_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!args0(self, "clear", nargs, kwnames)) return nullptr;
    set_clear_all(self);
    return none();
}
static Object* set_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!args0(self, "copy", nargs, kwnames)) return nullptr;
    if (self->ob_type == &FrozenSet_Type) return newref(self);
    return copy_of(self);
}

// ---- in-place operators: only between sets, like CPython (else NotImplemented).
template <int OP>
static Object* set_inplace(Object* a, Object* b) {
    if (!is_set(a) || !is_set(b)) return newref(YS_NotImplemented);
    Object* r = nullptr;
    if (OP == 7) {
        if (add_all(a, b) < 0) return nullptr;
        return newref(a);
    }
    if (OP == 1) r = assign_from(a, filter_by(a, b, true));
    else if (OP == 10) r = assign_from(a, filter_by(a, b, false));
    else r = assign_from(a, sym_diff(a, b));
    if (!r) return nullptr;
    decref(r);
    return newref(a);
}

void init_set_methods() {
    const MethodDef common[] = {
        {"union", set_union},
        {"intersection", set_intersection},
        {"difference", set_difference},
        {"symmetric_difference", set_symmetric_difference},
        {"issubset", set_issubset},
        {"issuperset", set_issuperset},
        {"isdisjoint", set_isdisjoint},
        {"copy", set_copy},
    };
    for (const MethodDef& d : common) {
        Set_Type.tp_methods.push_back(d);
        FrozenSet_Type.tp_methods.push_back(d);
    }
    auto& m = Set_Type.tp_methods;
    m.push_back({"discard", set_discard_meth});
    m.push_back({"remove", set_remove});
    m.push_back({"pop", set_pop});
    m.push_back({"clear", set_clear});
    m.push_back({"update", set_update});
    m.push_back({"intersection_update", set_intersection_update});
    m.push_back({"difference_update", set_difference_update});
    m.push_back({"symmetric_difference_update", set_symmetric_difference_update});
    Set_Type.nb_inplace[1] = set_inplace<1>;
    Set_Type.nb_inplace[7] = set_inplace<7>;
    Set_Type.nb_inplace[10] = set_inplace<10>;
    Set_Type.nb_inplace[12] = set_inplace<12>;
}

}  // namespace ys::vm
