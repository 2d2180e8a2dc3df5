// Internal: helpers of the eval loop (eval_helpers.cpp), kept out of eval.cpp so the
// loop itself reads like ceval.c's instruction list.
#pragma once

#include "lang/opcodes.h"
#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

// C++ re-entries of the eval loop allowed (the interpreter thread has a big stack).
inline constexpr int kMaxCDepth = 20000;

// Thrown (C++) when the step budget runs out; caught by run_program.
struct BudgetExhausted {
    int line;
};

bool enter_recursive_py();  // _Py_EnterRecursivePy: false = RecursionError set
void report_frame(trace::EventKind kind, Frame* f);
void report_instruction(Frame* f, int opcode, unsigned oparg);
void report_caught(Frame* f, Object* exc);
void unbound_local_error(CodeObj* co, int index);
void unbound_deref_error(CodeObj* co, int index);
void name_error(Object* name);
int get_method(Object* obj, Object* name, Object** meth);  // _PyObject_GetMethod
void release_frame_memory(Frame* f);
Frame* push_frame_and_init(FunctionObject* func, Object* locals, Object* const* args, size_t nargs,
                           Object* kwnames, bool steal);
Object* make_function(Object* code, Object* globals, Object* builtins, Object* defaults, Object* kwdefaults,
                      Object* closure);
int list_extend(Object* list, Object* iterable);
int dict_update_op(Object* dict, Object* update, bool merge, Object* func);
bool unpack_sequence(Object* seq, int before, int after, Object** sp);
Object* format_value(Object* value, int conversion, Object* spec);
bool check_except_type_valid(Object* right);
bool do_raise(Object* exc, Object* cause);  // true = re-raise (skip the traceback entry)
Object* import_from(Object* module, Object* name);
bool before_with(Object* mgr, Object** exit, Object** res);
Object* lookup_special(Object* o, const char* name);  // _PyObject_LookupSpecial (new reference)
void unpack_bound_method(Object** sp, unsigned oparg);
Object* call_function_ex(Object* func, Object* callargs, Object* kwargs);

// eval_build.cpp: building displays and slices (sp = first free slot).
bool op_build_set(Object**& sp, unsigned oparg);
bool op_build_map(Object**& sp, unsigned oparg);
bool op_build_const_key_map(Object**& sp, unsigned oparg);
bool op_build_string(Object**& sp, unsigned oparg);
bool op_build_slice(Object**& sp, unsigned oparg);
bool op_set_update(Object**& sp, unsigned oparg);
bool op_list_to_tuple(Object**& sp);
bool op_make_function(Frame* frame, Object**& sp, unsigned oparg);

// eval_names.cpp: names beyond fast locals, and class / annotation set-up.
Object* op_load_classderef(Frame* frame, unsigned oparg);  // new reference
bool op_delete_deref(Frame* frame, unsigned oparg);
bool op_delete_global(Frame* frame, Object* name);
Object* op_load_name(Frame* frame, Object* name);  // new reference
bool op_delete_name(Frame* frame, Object* name);
Object* op_load_build_class(Frame* frame);  // new reference
bool op_setup_annotations(Frame* frame);

// eval_ops.cpp: imports, `with`, exception matching, formatting, star-calls.
bool op_import_name(Object**& sp, Object* name);
bool op_before_with(Object**& sp);
bool op_with_except_start(Object**& sp);
bool op_check_exc_match(Object**& sp);
bool op_format_value(Object**& sp, unsigned oparg);
bool op_delete_subscr(Object**& sp);
bool op_list_extend(Object**& sp, unsigned oparg);
bool op_dict_update(Object**& sp, unsigned oparg, bool merge);
bool op_call_function_ex(Frame* frame, Object** lp, Object**& sp, unsigned oparg);
bool op_unpack_ex(Object**& sp, unsigned oparg);
bool op_delete_attr(Object**& sp, Object* name);
void unsupported_opcode(int opcode);  // sets the RuntimeError

// eval_async.cpp: the generator / coroutine instructions (sp = first free slot).
SendResult iter_send(Object* receiver, Object* arg, Object** result);  // PyIter_Send
int op_send(Frame* frame, Object**& sp);  // SEND: -1 error, 0 yielded, 1 returned (jump)
bool op_get_yield_from_iter(Object** sp, const CodeObj* co);
bool op_get_awaitable(Object** sp, unsigned oparg);
bool op_get_aiter(Object** sp);
Object* op_get_anext(Object* aiter);       // the awaitable to push (new reference)
bool op_end_async_for(Object**& sp);       // false = re-raise the exception (restored)
bool op_before_async_with(Object**& sp);
bool op_async_gen_wrap(Object** sp);
void return_generator_from_entry(Frame* frame);

}  // namespace ys::vm
