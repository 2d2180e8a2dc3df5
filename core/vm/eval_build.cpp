// The building instructions of the eval loop (BUILD_SET, BUILD_MAP,
// BUILD_CONST_KEY_MAP, BUILD_STRING, BUILD_SLICE, SET_UPDATE, LIST_TO_TUPLE,
// MAKE_FUNCTION), outside the loop: they run once per display, f-string or def,
// not in the hot paths the loop keeps inline. Each takes the value stack (sp = first
// free slot), leaves it as ceval.c does, and returns false with an exception set when
// the instruction fails.
#include "vm/eval_support.h"

namespace ys::vm {

bool op_build_set(Object**& sp, unsigned oparg) {
    Object* s = new_set();
    if (!s) return false;
    int err = 0;
    for (unsigned i = oparg; i > 0; i--) {
        Object* item = sp[-static_cast<int>(i)];
        if (!err) err = set_add(s, item);
        decref(item);
    }
    sp -= oparg;
    if (err) {
        decref(s);
        return false;
    }
    *sp++ = s;
    return true;
}

bool op_build_map(Object**& sp, unsigned oparg) {
    Object* d = new_dict();
    if (!d) return false;
    int err = 0;
    for (unsigned i = oparg; i > 0; i--) {
        Object* k = sp[-static_cast<int>(2 * i)];
        Object* v = sp[-static_cast<int>(2 * i - 1)];
        if (!err) err = dict_set(d, k, v);
    }
    for (unsigned i = 0; i < 2 * oparg; i++) decref(*--sp);
    if (err) {
        decref(d);
        return false;
    }
    *sp++ = d;
    return true;
}

bool op_build_const_key_map(Object**& sp, unsigned oparg) {
    Object* keys = *--sp;
    Object* d = new_dict();
    int err = d ? 0 : -1;
    for (unsigned i = 0; i < oparg && !err; i++) err = dict_set(d, tuple_items(keys)[i], sp[-static_cast<int>(oparg - i)]);
    for (unsigned i = 0; i < oparg; i++) decref(*--sp);
    decref(keys);
    if (err) {
        xdecref(d);
        return false;
    }
    *sp++ = d;
    return true;
}

bool op_build_string(Object**& sp, unsigned oparg) {
    std::string s;
    for (unsigned i = oparg; i > 0; i--) s += str_value(sp[-static_cast<int>(i)]);
    for (unsigned i = 0; i < oparg; i++) decref(*--sp);
    Object* str = new_str(s);
    if (!str) return false;
    *sp++ = str;
    return true;
}

bool op_build_slice(Object**& sp, unsigned oparg) {
    Object* step = oparg == 3 ? *--sp : nullptr;
    Object* stop = *--sp;
    Object* start = sp[-1];
    Object* slice = new_slice(start, stop, step);
    decref(start);
    decref(stop);
    xdecref(step);
    sp[-1] = slice;  // NULL on failure: the unwinder pops it
    return slice != nullptr;
}

bool op_set_update(Object**& sp, unsigned oparg) {
    Object* iterable = *--sp;
    Object* it = get_iter(iterable);
    decref(iterable);
    if (!it) return false;
    Object* s = sp[-static_cast<int>(oparg)];
    while (Object* x = iter_next(it)) {
        set_add(s, x);
        decref(x);
    }
    decref(it);
    return !err_occurred();
}

bool op_list_to_tuple(Object**& sp) {
    Object* l = sp[-1];
    Object* t = tuple_from(list_items(l).data(), static_cast<intptr_t>(list_items(l).size()));
    decref(l);
    sp[-1] = t;  // NULL on failure: the unwinder pops it
    return t != nullptr;
}

bool op_make_function(Frame* frame, Object**& sp, unsigned oparg) {
    Object* codeobj = *--sp;
    Object* closure = (oparg & 0x08) ? *--sp : nullptr;
    Object* annotations = (oparg & 0x04) ? *--sp : nullptr;
    Object* kwdefaults = (oparg & 0x02) ? *--sp : nullptr;
    Object* defaults = (oparg & 0x01) ? *--sp : nullptr;
    xdecref(annotations);
    Object* f = make_function(codeobj, frame->f_globals, frame->f_builtins, defaults, kwdefaults, closure);
    if (!f) return false;
    *sp++ = f;
    return true;
}

}  // namespace ys::vm
