// Less frequent instructions of the eval loop, outside it: imports, `with`, exception
// matching, f-string formatting, deletions, starred unpacking and the star-call.
// Keeping them here keeps the loop's hot paths (locals, globals, calls, jumps,
// generators) short and readable.
// Each takes the value stack (sp = first free slot), leaves it as ceval.c does, and
// returns false with an exception set when the instruction fails.
#include "vm/eval_support.h"

namespace ys::vm {

bool op_import_name(Object**& sp, Object* name) {
    Object* fromlist = *--sp;
    Object* level = sp[-1];
    Object* m = import_module(name);
    decref(level);
    decref(fromlist);
    sp[-1] = m;  // NULL on failure: the unwinder pops it
    return m != nullptr;
}

bool op_before_with(Object**& sp) {
    Object* mgr = sp[-1];
    Object* res = nullptr;
    Object* exit = nullptr;
    if (!before_with(mgr, &exit, &res)) return false;
    sp[-1] = exit;
    decref(mgr);
    if (!res) return false;
    *sp++ = res;
    return true;
}

bool op_with_except_start(Object**& sp) {
    Object* val = sp[-1];
    Object* exit_func = sp[-4];
    Object* tb = static_cast<ExceptionObject*>(val)->traceback;
    Object* args[3] = {val->ob_type, val, tb ? tb : YS_None};
    Object* res = call(exit_func, args, 3);
    if (!res) return false;
    *sp++ = res;
    return true;
}

bool op_check_exc_match(Object**& sp) {
    Object* right = *--sp;
    Object* left = sp[-1];
    if (!check_except_type_valid(right)) {
        decref(right);
        return false;
    }
    bool res = exc_matches(left, right);
    decref(right);
    *sp++ = new_bool(res);
    return true;
}

bool op_format_value(Object**& sp, unsigned oparg) {
    Object* spec = (oparg & 0x04) ? *--sp : nullptr;
    Object* value = *--sp;
    Object* res = format_value(value, static_cast<int>(oparg & 0x03), spec);
    decref(value);
    xdecref(spec);
    if (!res) return false;
    *sp++ = res;
    return true;
}

bool op_delete_subscr(Object**& sp) {
    Object* sub = sp[-1];
    Object* container = sp[-2];
    sp -= 2;
    int err = set_item(container, sub, nullptr);
    decref(container);
    decref(sub);
    return err == 0;
}

bool op_list_extend(Object**& sp, unsigned oparg) {
    Object* iterable = *--sp;
    int err = list_extend(sp[-static_cast<int>(oparg)], iterable);
    decref(iterable);
    return err >= 0;
}

bool op_dict_update(Object**& sp, unsigned oparg, bool merge) {
    Object* update = *--sp;
    Object* dict = sp[-static_cast<int>(oparg)];
    int err = dict_update_op(dict, update, merge, sp[-static_cast<int>(oparg + 2)]);
    decref(update);
    return err == 0;
}

bool op_call_function_ex(Frame* frame, Object** lp, Object**& sp, unsigned oparg) {
    Object* kwargs = (oparg & 1) ? *--sp : nullptr;
    Object* callargs = *--sp;
    Object* func = sp[-1];
    frame->stacktop = static_cast<int>(sp - lp);  // the callee may look at this frame's stack
    Object* res = call_function_ex(func, callargs, kwargs);
    frame->stacktop = -1;
    decref(func);
    decref(callargs);
    xdecref(kwargs);
    sp--;
    sp[-1] = res;
    if (!res) {
        sp--;
        return false;
    }
    return true;
}

bool op_unpack_ex(Object**& sp, unsigned oparg) {
    const int before = static_cast<int>(oparg & 0xFF), after = static_cast<int>(oparg >> 8);
    Object* seq = *--sp;
    bool ok = unpack_sequence(seq, before, after, sp);
    decref(seq);
    if (!ok) return false;
    sp += before + after + 1;
    return true;
}

bool op_delete_attr(Object**& sp, Object* name) {
    Object* owner = *--sp;
    int err = set_attr(owner, name, nullptr);
    decref(owner);
    return err == 0;
}

void unsupported_opcode(int opcode) {
    const char* name = op_info(static_cast<unsigned char>(opcode)).name;
    raise_format(&RuntimeError_Type, "yieldscope: opcode %s (%d) is not supported by the mini-VM", name ? name : "?",
                 opcode);
}

}  // namespace ys::vm
