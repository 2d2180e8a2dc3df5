// The eval loop: _PyEvalFrameDefault of CPython 3.11. Python-to-Python calls are
// inlined (a new frame, no C++ recursion); generators, calls from native code and
// CALL_FUNCTION_EX re-enter it, as in CPython. Unwinding is driven by the zero-cost
// exception table. Instruction semantics follow Python/ceval.c instruction for
// instruction, including the order in which references are dropped.
#include "vm/eval_support.h"
#include "vm/trace_report.h"

namespace ys::vm {

using ys::Op;

#define STACK_LEVEL() (static_cast<int>(sp - (lp + nlocalsplus)))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-static_cast<int>(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPBY(n) (next += (n))
#define SKIP_CACHES(op) (next += kCacheEntries[static_cast<int>(Op::op)])
#define SAVE() (frame->stacktop = static_cast<int>(sp - lp))

static unsigned char kCacheEntries[256];
static bool init_cache_table() {
    for (int i = 0; i < 256; i++) kCacheEntries[i] = op_info(static_cast<unsigned char>(i)).cache_entries;
    return true;
}
static bool g_cache_table_ready = init_cache_table();

Object* eval_frame(Frame* frame, bool throwflag) {
    (void)g_cache_table_ready;
    Runtime& r = rt();
    CodeObj* co;
    const uint16_t* code;
    Object** lp;
    Object** sp;
    Object* consts;
    Object* names;
    int nlocalsplus;
    int next;
    int opcode;
    unsigned oparg;
    Object* kwnames = nullptr;  // borrowed, from KW_NAMES (call_shape.kwnames)
    Object* retval = nullptr;
    // The sink never changes during a run: one register test per instruction.
    trace::TraceSink* const sink = t_sink;

    frame->previous = r.current_frame;
    r.current_frame = mark_running(frame);
    frame->is_entry = true;
    if (r.c_depth >= kMaxCDepth) {
        raise(&RecursionError_Type, "maximum recursion depth exceeded");
        r.current_frame = mark_running(frame->previous);
        return nullptr;
    }
    // CPython 3.11.7 counts one recursion unit per frame (entry frames included):
    // a module at limit 1000 reaches 998 nested calls, as python3 does.
    r.c_depth++;
    if (throwflag) {
        if (!enter_recursive_py()) goto exit_unwind_noframe;
        if (t_sink) report_frame(trace::EventKind::FramePush, frame);
        goto resume_with_error;
    }

start_frame:
    if (!enter_recursive_py()) goto exit_unwind_noframe;
    if (t_sink) report_frame(trace::EventKind::FramePush, frame);

resume_frame:
    co = frame->f_code;
    code = co->instrs;
    lp = frame->localsplus();
    sp = lp + frame->stacktop;
    frame->stacktop = -1;  // executing: the collector does not look inside
    consts = co->consts;
    names = co->names;
    nlocalsplus = co->nlocalsplus;
    next = frame->prev_instr + 1;

    for (;;) {
        frame->prev_instr = next;
        {
            uint16_t unit = code[next++];
            opcode = unit & 0xFF;
            oparg = unit >> 8;
        }
    dispatch_opcode:
        if (++r.steps >= r.step_limit) [[unlikely]] {
            if (r.max_steps && r.steps > r.max_steps) {
                SAVE();
                throw BudgetExhausted{frame->lineno()};
            }
        }
        if (sink) [[unlikely]] report_instruction(frame, opcode, oparg);
        switch (static_cast<Op>(opcode)) {
            case Op::NOP:
            case Op::RESUME:
            case Op::CACHE:
                break;
            case Op::EXTENDED_ARG: {
                uint16_t unit = code[next];
                frame->prev_instr = next++;
                opcode = unit & 0xFF;
                oparg = (oparg << 8) | (unit >> 8);
                goto dispatch_opcode;
            }
            case Op::POP_TOP: {
                Object* v = POP();
                xdecref(v);
                break;
            }
            case Op::PUSH_NULL:
                PUSH(nullptr);
                break;
            case Op::COPY: {
                Object* v = PEEK(oparg);
                PUSH(newref(v));
                break;
            }
            case Op::SWAP: {
                Object* t = TOP();
                SET_TOP(PEEK(oparg));
                PEEK(oparg) = t;
                break;
            }
            case Op::LOAD_CONST:
                PUSH(newref(tuple_items(consts)[oparg]));
                break;
            case Op::LOAD_FAST: {
                Object* v = lp[oparg];
                if (!v) {
                    unbound_local_error(co, static_cast<int>(oparg));
                    goto error;
                }
                PUSH(newref(v));
                break;
            }
            case Op::STORE_FAST: {
                Object* v = POP();
                Object* old = lp[oparg];
                lp[oparg] = v;
                xdecref(old);
                break;
            }
            case Op::DELETE_FAST: {
                Object* v = lp[oparg];
                if (!v) {
                    unbound_local_error(co, static_cast<int>(oparg));
                    goto error;
                }
                lp[oparg] = nullptr;
                decref(v);
                break;
            }
            case Op::MAKE_CELL: {
                Object* initial = lp[oparg];
                Object* cell = new_cell(initial);
                if (!cell) goto error;
                xdecref(initial);
                lp[oparg] = cell;
                break;
            }
            case Op::COPY_FREE_VARS: {
                Object* closure = static_cast<FunctionObject*>(frame->f_func)->func_closure;
                int offset = nlocalsplus - static_cast<int>(oparg);
                for (unsigned i = 0; i < oparg; i++) lp[offset + static_cast<int>(i)] = newref(tuple_items(closure)[i]);
                break;
            }
            case Op::LOAD_CLOSURE: {
                Object* v = lp[oparg];
                if (!v) {
                    unbound_local_error(co, static_cast<int>(oparg));
                    goto error;
                }
                PUSH(newref(v));
                break;
            }
            case Op::LOAD_DEREF: {
                Object* v = static_cast<CellObject*>(lp[oparg])->ob_ref;
                if (!v) {
                    unbound_deref_error(co, static_cast<int>(oparg));
                    goto error;
                }
                PUSH(newref(v));
                break;
            }
            case Op::LOAD_CLASSDEREF: {
                Object* v = op_load_classderef(frame, oparg);
                if (!v) goto error;
                PUSH(v);
                break;
            }
            case Op::STORE_DEREF: {
                Object* v = POP();
                CellObject* cell = static_cast<CellObject*>(lp[oparg]);
                Object* old = cell->ob_ref;
                cell->ob_ref = v;
                xdecref(old);
                break;
            }
            case Op::DELETE_DEREF:
                if (!op_delete_deref(frame, oparg)) goto error;
                break;
            case Op::LOAD_GLOBAL: {
                Object* name = tuple_items(names)[oparg >> 1];
                Object* v = dict_get_str(frame->f_globals, name);
                if (!v) v = dict_get_str(frame->f_builtins, name);
                if (!v) {
                    name_error(name);
                    goto error;
                }
                if (oparg & 1) PUSH(nullptr);
                PUSH(newref(v));
                SKIP_CACHES(LOAD_GLOBAL);
                break;
            }
            case Op::STORE_GLOBAL: {
                Object* v = POP();
                int err = dict_set(frame->f_globals, tuple_items(names)[oparg], v);
                decref(v);
                if (err) goto error;
                break;
            }
            case Op::DELETE_GLOBAL:
                if (!op_delete_global(frame, tuple_items(names)[oparg])) goto error;
                break;
            case Op::LOAD_NAME: {
                Object* v = op_load_name(frame, tuple_items(names)[oparg]);
                if (!v) goto error;
                PUSH(v);
                break;
            }
            case Op::STORE_NAME: {
                Object* v = POP();
                int err = set_item(frame->f_locals, tuple_items(names)[oparg], v);
                decref(v);
                if (err) goto error;
                break;
            }
            case Op::DELETE_NAME:
                if (!op_delete_name(frame, tuple_items(names)[oparg])) goto error;
                break;
            case Op::LOAD_ATTR: {
                Object* owner = TOP();
                Object* res = get_attr(owner, tuple_items(names)[oparg]);
                if (!res) goto error;
                SET_TOP(res);
                decref(owner);
                SKIP_CACHES(LOAD_ATTR);
                break;
            }
            case Op::STORE_ATTR: {
                Object* owner = TOP();
                Object* v = SECOND();
                sp -= 2;
                int err = set_attr(owner, tuple_items(names)[oparg], v);
                decref(v);
                decref(owner);
                if (err) goto error;
                SKIP_CACHES(STORE_ATTR);
                break;
            }
            case Op::DELETE_ATTR:
                if (!op_delete_attr(sp, tuple_items(names)[oparg])) goto error;
                break;
            case Op::LOAD_METHOD: {
                Object* obj = TOP();
                Object* meth = nullptr;
                int found = get_method(obj, tuple_items(names)[oparg], &meth);
                if (!meth) goto error;
                if (found) {
                    SET_TOP(meth);
                    PUSH(obj);
                } else {
                    SET_TOP(nullptr);
                    decref(obj);
                    PUSH(meth);
                }
                SKIP_CACHES(LOAD_METHOD);
                break;
            }
            case Op::UNARY_POSITIVE:
            case Op::UNARY_NEGATIVE:
            case Op::UNARY_INVERT: {
                Object* v = TOP();
                Object* res = opcode == static_cast<int>(Op::UNARY_POSITIVE)   ? unary_positive(v)
                              : opcode == static_cast<int>(Op::UNARY_NEGATIVE) ? unary_negative(v)
                                                                                : unary_invert(v);
                decref(v);
                SET_TOP(res);
                if (!res) goto error;
                break;
            }
            case Op::UNARY_NOT: {
                Object* v = TOP();
                int t = object_is_true(v);
                decref(v);
                if (t < 0) {
                    sp--;
                    goto error;
                }
                SET_TOP(new_bool(!t));
                break;
            }
            case Op::BINARY_OP: {
                Object* rhs = POP();
                Object* lhs = TOP();
                Object* res = binary_op(lhs, rhs, static_cast<int>(oparg));
                decref(lhs);
                decref(rhs);
                SET_TOP(res);
                if (!res) goto error;
                SKIP_CACHES(BINARY_OP);
                break;
            }
            case Op::BINARY_SUBSCR: {
                Object* sub = POP();
                Object* container = TOP();
                Object* res = get_item(container, sub);
                decref(container);
                decref(sub);
                SET_TOP(res);
                if (!res) goto error;
                SKIP_CACHES(BINARY_SUBSCR);
                break;
            }
            case Op::STORE_SUBSCR: {
                Object* sub = TOP();
                Object* container = SECOND();
                Object* v = THIRD();
                sp -= 3;
                int err = set_item(container, sub, v);
                decref(v);
                decref(container);
                decref(sub);
                if (err) goto error;
                SKIP_CACHES(STORE_SUBSCR);
                break;
            }
            case Op::DELETE_SUBSCR:
                if (!op_delete_subscr(sp)) goto error;
                break;
            case Op::BUILD_SLICE:
                if (!op_build_slice(sp, oparg)) goto error;
                break;
            case Op::COMPARE_OP: {
                Object* right = POP();
                Object* left = TOP();
                Object* res = rich_compare(left, right, static_cast<int>(oparg));
                SET_TOP(res);
                decref(left);
                decref(right);
                if (!res) goto error;
                SKIP_CACHES(COMPARE_OP);
                break;
            }
            case Op::IS_OP: {
                Object* right = POP();
                Object* left = TOP();
                bool res = (left == right) ^ (oparg != 0);
                decref(left);
                decref(right);
                SET_TOP(new_bool(res));
                break;
            }
            case Op::CONTAINS_OP: {
                Object* right = POP();
                Object* left = POP();
                int res = contains(right, left);
                decref(left);
                decref(right);
                if (res < 0) goto error;
                PUSH(new_bool((res != 0) ^ (oparg != 0)));
                break;
            }
            case Op::JUMP_FORWARD:
                JUMPBY(static_cast<int>(oparg));
                break;
            case Op::JUMP_BACKWARD:
            case Op::JUMP_BACKWARD_NO_INTERRUPT:
                JUMPBY(-static_cast<int>(oparg));
                break;
            case Op::POP_JUMP_FORWARD_IF_FALSE:
            case Op::POP_JUMP_BACKWARD_IF_FALSE:
            case Op::POP_JUMP_FORWARD_IF_TRUE:
            case Op::POP_JUMP_BACKWARD_IF_TRUE: {
                Object* cond = POP();
                int t;
                if (cond == YS_True) t = 1;
                else if (cond == YS_False) t = 0;
                else {
                    t = object_is_true(cond);
                    if (t < 0) {
                        decref(cond);
                        goto error;
                    }
                }
                decref(cond);
                bool want_true = opcode == static_cast<int>(Op::POP_JUMP_FORWARD_IF_TRUE) ||
                                 opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_TRUE);
                bool backward = opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_FALSE) ||
                                opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_TRUE);
                if ((t != 0) == want_true) JUMPBY(backward ? -static_cast<int>(oparg) : static_cast<int>(oparg));
                break;
            }
            case Op::POP_JUMP_FORWARD_IF_NONE:
            case Op::POP_JUMP_BACKWARD_IF_NONE:
            case Op::POP_JUMP_FORWARD_IF_NOT_NONE:
            case Op::POP_JUMP_BACKWARD_IF_NOT_NONE: {
                Object* v = POP();
                bool is_none = v == YS_None;
                decref(v);
                bool want_none = opcode == static_cast<int>(Op::POP_JUMP_FORWARD_IF_NONE) ||
                                 opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_NONE);
                bool backward = opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_NONE) ||
                                opcode == static_cast<int>(Op::POP_JUMP_BACKWARD_IF_NOT_NONE);
                if (is_none == want_none) JUMPBY(backward ? -static_cast<int>(oparg) : static_cast<int>(oparg));
                break;
            }
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::JUMP_IF_TRUE_OR_POP: {
                Object* cond = TOP();
                int t = object_is_true(cond);
                if (t < 0) goto error;
                bool jump_on = opcode == static_cast<int>(Op::JUMP_IF_TRUE_OR_POP);
                if ((t != 0) == jump_on) {
                    JUMPBY(static_cast<int>(oparg));
                } else {
                    sp--;
                    decref(cond);
                }
                break;
            }
            case Op::GET_ITER: {
                Object* iterable = TOP();
                Object* it = get_iter(iterable);
                decref(iterable);
                SET_TOP(it);
                if (!it) goto error;
                break;
            }
            case Op::GET_YIELD_FROM_ITER:
                if (!op_get_yield_from_iter(sp, co)) goto error;
                break;
            case Op::FOR_ITER: {
                Object* it = TOP();
                Object* nx = it->ob_type->tp_iternext ? it->ob_type->tp_iternext(it) : nullptr;
                if (nx) {
                    PUSH(nx);
                    break;
                }
                if (err_occurred()) {
                    if (!err_matches(&StopIteration_Type)) goto error;
                    err_clear();
                } else if (!it->ob_type->tp_iternext) {
                    raise_format(&TypeError_Type, "'%s' object is not an iterator", type_name(it));
                    goto error;
                }
                sp--;
                decref(it);
                JUMPBY(static_cast<int>(oparg));
                break;
            }
            case Op::SEND: {
                int st = op_send(frame, sp);
                if (st < 0) goto error;
                if (st > 0) JUMPBY(static_cast<int>(oparg));
                break;
            }
            case Op::GET_AWAITABLE:
                if (!op_get_awaitable(sp, oparg)) goto error;
                break;
            case Op::GET_AITER:
                if (!op_get_aiter(sp)) goto error;
                break;
            case Op::GET_ANEXT: {
                Object* awaitable = op_get_anext(TOP());
                if (!awaitable) goto error;
                PUSH(awaitable);
                break;
            }
            case Op::END_ASYNC_FOR:
                if (!op_end_async_for(sp)) goto exception_unwind;
                break;
            case Op::BEFORE_ASYNC_WITH:
                if (!op_before_async_with(sp)) goto error;
                break;
            case Op::ASYNC_GEN_WRAP:
                if (!op_async_gen_wrap(sp)) goto error;
                break;
            case Op::YIELD_VALUE: {
                retval = POP();
                GenObject* gen = gen_from_frame(frame);
                gen->gi_frame_state = FRAME_SUSPENDED;
                SAVE();
                if (t_sink) report_frame(trace::EventKind::FramePop, frame);
                leave_recursive_call();  // _Py_LeaveRecursiveCallPy
                r.current_frame = mark_running(frame->previous);
                r.c_depth--;
                return retval;
            }
            case Op::RETURN_VALUE: {
                retval = POP();
                SAVE();
                if (t_sink) report_frame(trace::EventKind::FramePop, frame);
                leave_recursive_call();
                if (!frame->is_entry) {
                    Frame* dying = frame;
                    frame = r.current_frame = mark_running(dying->previous);
                    pop_frame(dying);
                    *(frame->localsplus() + frame->stacktop++) = retval;
                    goto resume_frame;
                }
                r.current_frame = mark_running(frame->previous);
                r.c_depth--;
                return retval;
            }
            case Op::RETURN_GENERATOR: {
                SAVE();
                Object* gen = make_generator(frame);
                if (!gen) {
                    frame->stacktop = -1;
                    goto error;
                }
                leave_recursive_call();
                if (!frame->is_entry) {
                    Frame* prev = frame->previous;
                    release_frame_memory(frame);
                    frame = r.current_frame = mark_running(prev);
                    *(frame->localsplus() + frame->stacktop++) = gen;
                    goto resume_frame;
                }
                return_generator_from_entry(frame);
                r.c_depth--;
                return gen;
            }
            case Op::BUILD_TUPLE: {
                Object* t = new_tuple(static_cast<intptr_t>(oparg));
                if (!t) goto error;
                for (unsigned i = oparg; i > 0; i--) tuple_items(t)[i - 1] = POP();
                PUSH(t);
                break;
            }
            case Op::BUILD_LIST: {
                Object* l = new_list(static_cast<intptr_t>(oparg));
                if (!l) goto error;
                for (unsigned i = oparg; i > 0; i--) list_items(l)[i - 1] = POP();
                PUSH(l);
                break;
            }
            case Op::LIST_TO_TUPLE:
                if (!op_list_to_tuple(sp)) goto error;
                break;
            case Op::BUILD_SET:
                if (!op_build_set(sp, oparg)) goto error;
                break;
            case Op::BUILD_MAP:
                if (!op_build_map(sp, oparg)) goto error;
                break;
            case Op::BUILD_CONST_KEY_MAP:
                if (!op_build_const_key_map(sp, oparg)) goto error;
                break;
            case Op::BUILD_STRING:
                if (!op_build_string(sp, oparg)) goto error;
                break;
            case Op::LIST_APPEND: {
                Object* v = POP();
                list_items(PEEK(oparg)).push_back(v);
                break;
            }
            case Op::SET_ADD: {
                Object* v = POP();
                int err = set_add(PEEK(oparg), v);
                decref(v);
                if (err) goto error;
                break;
            }
            case Op::MAP_ADD: {
                Object* v = POP();
                Object* k = POP();
                int err = dict_set(PEEK(oparg), k, v);
                decref(v);
                decref(k);
                if (err) goto error;
                break;
            }
            case Op::LIST_EXTEND:
                if (!op_list_extend(sp, oparg)) goto error;
                break;
            case Op::SET_UPDATE:
                if (!op_set_update(sp, oparg)) goto error;
                break;
            case Op::DICT_UPDATE:
            case Op::DICT_MERGE:
                if (!op_dict_update(sp, oparg, opcode == static_cast<int>(Op::DICT_MERGE))) goto error;
                break;
            case Op::UNPACK_SEQUENCE: {
                Object* seq = POP();
                bool ok = unpack_sequence(seq, static_cast<int>(oparg), -1, sp);
                decref(seq);
                if (!ok) goto error;
                sp += oparg;
                SKIP_CACHES(UNPACK_SEQUENCE);
                break;
            }
            case Op::UNPACK_EX:
                if (!op_unpack_ex(sp, oparg)) goto error;
                break;
            case Op::FORMAT_VALUE:
                if (!op_format_value(sp, oparg)) goto error;
                break;
            case Op::PUSH_EXC_INFO: {
                Object* value = TOP();
                ExcStackItem* info = r.exc_info;
                SET_TOP(info->exc_value ? info->exc_value : none());
                PUSH(newref(value));
                info->exc_value = value;
                if (sink) [[unlikely]] trace_exc_item_written(info);
                if (t_sink) report_caught(frame, value);
                break;
            }
            case Op::POP_EXCEPT: {
                ExcStackItem* info = r.exc_info;
                Object* value = info->exc_value;
                info->exc_value = POP();
                if (sink) [[unlikely]] trace_exc_item_written(info);
                xdecref(value);
                break;
            }
            case Op::CHECK_EXC_MATCH:
                if (!op_check_exc_match(sp)) goto error;
                break;
            case Op::RERAISE: {
                if (oparg) {
                    Object* lasti = PEEK(oparg + 1);
                    frame->prev_instr = static_cast<int>(int_value(lasti));
                }
                Object* val = POP();
                err_restore(val);
                goto exception_unwind;
            }
            case Op::RAISE_VARARGS: {
                Object* cause = nullptr;
                Object* exc = nullptr;
                if (oparg == 2) cause = POP();
                if (oparg >= 1) exc = POP();
                if (do_raise(exc, cause)) goto exception_unwind;
                goto error;
            }
            case Op::LOAD_ASSERTION_ERROR:
                PUSH(newref(static_cast<Object*>(&AssertionError_Type)));
                break;
            case Op::LOAD_BUILD_CLASS: {
                Object* bc = op_load_build_class(frame);
                if (!bc) goto error;
                PUSH(bc);
                break;
            }
            case Op::SETUP_ANNOTATIONS:
                if (!op_setup_annotations(frame)) goto error;
                break;
            case Op::IMPORT_NAME:
                if (!op_import_name(sp, tuple_items(names)[oparg])) goto error;
                break;
            case Op::IMPORT_FROM: {
                Object* res = import_from(TOP(), tuple_items(names)[oparg]);
                if (!res) goto error;
                PUSH(res);
                break;
            }
            case Op::BEFORE_WITH:
                if (!op_before_with(sp)) goto error;
                break;
            case Op::WITH_EXCEPT_START:
                if (!op_with_except_start(sp)) goto error;
                break;
            case Op::KW_NAMES:
                kwnames = tuple_items(consts)[oparg];
                break;
            case Op::PRECALL: {
                bool is_meth = PEEK(oparg + 2) != nullptr;
                Object* callable = PEEK(oparg + 1);
                if (!is_meth && callable->ob_type == &Method_Type) {
                    unpack_bound_method(sp, oparg);
                }
                SKIP_CACHES(PRECALL);
                break;
            }
            case Op::CALL: {
                bool is_meth = PEEK(oparg + 2) != nullptr;
                Object* function = PEEK(oparg + 1);
                if (!is_meth && function->ob_type == &Method_Type) {
                    unpack_bound_method(sp, oparg);
                    is_meth = true;
                }
                int total_args = static_cast<int>(oparg) + (is_meth ? 1 : 0);
                function = PEEK(total_args + 1);
                int nkw = kwnames ? static_cast<int>(tuple_size(kwnames)) : 0;
                int positional = total_args - nkw;
                if (function->ob_type == &Function_Type) {
                    FunctionObject* func = static_cast<FunctionObject*>(function);
                    CodeObj* fco = static_cast<CodeObj*>(func->func_code);
                    Object* locals = (fco->flags & CO_OPTIMIZED) ? nullptr : func->func_globals;
                    sp -= total_args;
                    Frame* nf = push_frame_and_init(func, locals, sp, static_cast<size_t>(positional), kwnames, true);
                    kwnames = nullptr;
                    sp -= 2 - (is_meth ? 1 : 0);
                    // The frame stole the arguments and took its own f_func reference.
                    decref(function);
                    if (!nf) goto error;
                    SAVE();
                    SKIP_CACHES(CALL);
                    frame->prev_instr = next - 1;
                    nf->previous = frame;
                    frame = r.current_frame = mark_running(nf);
                    goto start_frame;
                }
                SAVE();
                Object* res = call(function, sp - total_args, static_cast<size_t>(positional), kwnames);
                frame->stacktop = -1;
                kwnames = nullptr;
                decref(function);
                sp -= total_args;
                for (int i = 0; i < total_args; i++) decref(sp[i]);
                sp -= 2 - (is_meth ? 1 : 0);
                PUSH(res);
                if (!res) {
                    sp--;
                    goto error;
                }
                SKIP_CACHES(CALL);
                break;
            }
            case Op::CALL_FUNCTION_EX:
                if (!op_call_function_ex(frame, lp, sp, oparg)) goto error;
                break;
            case Op::MAKE_FUNCTION:
                if (!op_make_function(frame, sp, oparg)) goto error;
                break;
            default:
                unsupported_opcode(opcode);
                goto error;
        }
        continue;

    error:
        if (sink) [[unlikely]] trace_exception_reached_frame();
        // Log traceback info (PyTraceBack_Here) for this frame.
        traceback_here(frame);
    exception_unwind: {
        int offset = next - 1;
        const ExceptionTableEntry* h = co->code->handler_for(offset);
        if (!h) {
            while (sp > lp + nlocalsplus) {
                Object* o = POP();
                xdecref(o);
            }
            SAVE();
            goto exit_unwind;
        }
        Object** new_top = lp + nlocalsplus + h->depth;
        while (sp > new_top) {
            Object* v = POP();
            xdecref(v);
        }
        if (h->push_lasti) PUSH(new_int(frame->prev_instr));
        Object* val = err_fetch();
        PUSH(val);
        next = h->target;
        kwnames = nullptr;
        continue;
    }
    }

exit_unwind:
    if (t_sink) report_frame(trace::EventKind::FramePop, frame);
    leave_recursive_call();  // _Py_LeaveRecursiveCallPy
exit_unwind_noframe:
    if (frame->is_entry) {
        r.current_frame = mark_running(frame->previous);
        r.c_depth--;
        return nullptr;
    }
    {
        Frame* dying = frame;
        frame = r.current_frame = mark_running(dying->previous);
        pop_frame(dying);
    }
resume_with_error:
    co = frame->f_code;
    code = co->instrs;
    lp = frame->localsplus();
    sp = lp + frame->stacktop;
    frame->stacktop = -1;
    consts = co->consts;
    names = co->names;
    nlocalsplus = co->nlocalsplus;
    next = frame->prev_instr + 1;
    kwnames = nullptr;
    goto error;
}

}  // namespace ys::vm
