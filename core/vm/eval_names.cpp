// The name instructions of the eval loop that look beyond fast locals: class-body
// and module-level names (LOAD_NAME, DELETE_NAME, LOAD_CLASSDEREF), deletions, and
// the class / import / annotation set-up. They run at definition and import time, so
// they live outside the loop, which keeps LOAD_FAST / LOAD_GLOBAL inline. Each
// returns NULL / false with an exception set on failure.
#include "vm/eval_support.h"

namespace ys::vm {

Object* op_load_classderef(Frame* frame, unsigned oparg) {
    CodeObj* co = frame->f_code;
    Object* name = tuple_items(co->localsplusnames)[oparg];
    Object* v = frame->f_locals ? dict_get(frame->f_locals, name) : nullptr;
    if (v) return newref(v);
    if (err_occurred()) return nullptr;
    v = static_cast<CellObject*>(frame->localsplus()[oparg])->ob_ref;
    if (!v) {
        unbound_deref_error(co, static_cast<int>(oparg));
        return nullptr;
    }
    return newref(v);
}

bool op_delete_deref(Frame* frame, unsigned oparg) {
    CellObject* cell = static_cast<CellObject*>(frame->localsplus()[oparg]);
    Object* old = cell->ob_ref;
    if (!old) {
        unbound_deref_error(frame->f_code, static_cast<int>(oparg));
        return false;
    }
    cell->ob_ref = nullptr;
    decref(old);
    return true;
}

bool op_delete_global(Frame* frame, Object* name) {
    if (!dict_get_str(frame->f_globals, name)) {
        name_error(name);
        return false;
    }
    return dict_del(frame->f_globals, name) >= 0;
}

Object* op_load_name(Frame* frame, Object* name) {
    Object* v = nullptr;
    if (frame->f_locals) {
        v = is_dict(frame->f_locals) ? dict_get(frame->f_locals, name) : get_item(frame->f_locals, name);
        if (!v && err_occurred()) {
            if (!err_matches(&KeyError_Type)) return nullptr;
            err_clear();
        }
    }
    if (!v) v = dict_get_str(frame->f_globals, name);
    if (!v) v = dict_get_str(frame->f_builtins, name);
    if (!v) {
        name_error(name);
        return nullptr;
    }
    return newref(v);
}

bool op_delete_name(Frame* frame, Object* name) {
    if (set_item(frame->f_locals, name, nullptr) < 0) {
        err_clear();
        name_error(name);
        return false;
    }
    return true;
}

Object* op_load_build_class(Frame* frame) {
    Object* bc = dict_get_cstr(frame->f_builtins, "__build_class__");
    if (!bc) {
        raise(&NameError_Type, "__build_class__ not found");
        return nullptr;
    }
    return newref(bc);
}

bool op_setup_annotations(Frame* frame) {
    if (!frame->f_locals) {
        raise(&RuntimeError_Type, "no locals found when setting up annotations");
        return false;
    }
    if (!dict_get_cstr(frame->f_locals, "__annotations__")) {
        Object* d = new_dict();
        dict_set_cstr(frame->f_locals, "__annotations__", d);
        decref(d);
    }
    return true;
}

}  // namespace ys::vm
