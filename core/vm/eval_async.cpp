// The generator and coroutine instructions of the eval loop (Python/ceval.c of
// CPython 3.11): SEND, GET_YIELD_FROM_ITER, GET_AWAITABLE, GET_AITER, GET_ANEXT,
// END_ASYNC_FOR, BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP and the tail of RETURN_GENERATOR.
// Each works on the value stack the loop hands it (sp = first free slot) and
// returns false with an exception set when the instruction fails.
#include "vm/genobject.h"

namespace ys::vm {

// _PyGen_FetchStopIterationValue: 0 with *value set, or -1 (another error).
static int fetch_stop_iteration_value(Object** value) {
    if (!err_occurred()) {
        *value = none();
        return 0;
    }
    if (!err_matches(&StopIteration_Type)) return -1;
    Object* exc = err_fetch();
    Object* v = static_cast<ExceptionObject*>(exc)->value;
    *value = v ? newref(v) : none();
    decref(exc);
    return 0;
}

SendResult iter_send(Object* iter, Object* arg, Object** result) {
    // Generators, coroutines and async generators have am_send.
    if (is_gen_like(iter)) return gen_send_ex2(static_cast<GenObject*>(iter), arg, result, false, false);
    if (arg == YS_None && iter->ob_type->tp_iternext) {
        *result = iter->ob_type->tp_iternext(iter);
    } else {
        *result = call_method(iter, "send", &arg, 1);
    }
    if (*result) return SendResult::Next;
    if (fetch_stop_iteration_value(result) == 0) return SendResult::Return;
    return SendResult::Error;
}

int op_send(Frame* frame, Object**& sp) {
    Object* v = *--sp;
    Object* receiver = sp[-1];
    Object* res = nullptr;
    frame->stacktop = static_cast<int>(sp - frame->localsplus());
    SendResult st = iter_send(receiver, v, &res);
    frame->stacktop = -1;
    decref(v);
    if (st == SendResult::Error) return -1;
    if (st == SendResult::Return) {
        decref(receiver);
        sp[-1] = res;
        return 1;
    }
    *sp++ = res;
    return 0;
}

bool op_get_yield_from_iter(Object** sp, const CodeObj* co) {
    Object* iterable = sp[-1];
    if (is_coroutine(iterable)) {
        if (!(co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            sp[-1] = nullptr;
            decref(iterable);
            raise(&TypeError_Type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
            return false;
        }
    } else if (iterable->ob_type != &Generator_Type) {
        Object* it = get_iter(iterable);
        decref(iterable);
        sp[-1] = it;
        return it != nullptr;
    }
    return true;
}

// Replaces the generic "can't be used in 'await' expression" when the awaited object
// came from __aenter__ (oparg 1) or __aexit__ (oparg 2) and has no __await__.
static void format_awaitable_error(Type* type, unsigned oparg) {
    if (type_am_await(type) || (oparg != 1 && oparg != 2)) return;
    err_clear();
    raise_format(&TypeError_Type, "'async with' received an object from %s that does not implement __await__: %s",
                 oparg == 1 ? "__aenter__" : "__aexit__", type->tp_name.c_str());
}

bool op_get_awaitable(Object** sp, unsigned oparg) {
    Object* iterable = sp[-1];
    Object* iter = coro_get_awaitable_iter(iterable);
    if (!iter) format_awaitable_error(iterable->ob_type, oparg);
    decref(iterable);
    if (iter && is_coroutine(iter) && gen_yieldfrom(static_cast<GenObject*>(iter))) {
        clearref(&iter);
        raise(&RuntimeError_Type, "coroutine is being awaited already");
    }
    sp[-1] = iter;
    return iter != nullptr;
}

// Calls the special method `meth` (found on o's type) with o as self.
static Object* call_special(Object* o, Object* meth) {
    if (DescrGetFn get = meth->ob_type->tp_descr_get) {
        Object* bound = get(meth, o, o->ob_type);
        if (!bound) return nullptr;
        Object* res = call0(bound);
        decref(bound);
        return res;
    }
    return call1(meth, o);
}

bool op_get_aiter(Object** sp) {
    Object* obj = sp[-1];
    Object* getter = type_lookup(obj->ob_type, intern("__aiter__"));
    sp[-1] = nullptr;
    if (!getter) {
        raise_format(&TypeError_Type, "'async for' requires an object with __aiter__ method, got %s", type_name(obj));
        decref(obj);
        return false;
    }
    Object* iter = call_special(obj, getter);
    decref(obj);
    if (!iter) return false;
    if (!type_lookup(iter->ob_type, intern("__anext__"))) {
        raise_format(&TypeError_Type,
                     "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     type_name(iter));
        decref(iter);
        return false;
    }
    sp[-1] = iter;
    return true;
}

// _PyErr_FormatFromCause: a new exception whose __cause__ is the current one.
static void raise_from_cause(Type* type, const std::string& msg) {
    Object* cause = err_fetch();
    raise(type, msg.c_str());
    if (Object* e = rt().curexc; e && cause) {
        auto* x = static_cast<ExceptionObject*>(e);
        setref(&x->cause, newref(cause));
        setref(&x->context, newref(cause));
        x->suppress_context = true;
    }
    xdecref(cause);
}

Object* op_get_anext(Object* aiter) {
    if (is_async_gen(aiter)) return async_gen_anext(aiter);
    Object* getter = type_lookup(aiter->ob_type, intern("__anext__"));
    if (!getter)
        return raise_format(&TypeError_Type, "'async for' requires an iterator with __anext__ method, got %s",
                            type_name(aiter));
    Object* next_iter = call_special(aiter, getter);
    if (!next_iter) return nullptr;
    Object* awaitable = coro_get_awaitable_iter(next_iter);
    if (!awaitable)
        raise_from_cause(&TypeError_Type,
                         std::string("'async for' received an invalid object from __anext__: ") + type_name(next_iter));
    decref(next_iter);
    return awaitable;
}

bool op_end_async_for(Object**& sp) {
    Object* val = *--sp;
    if (isinstance(val, &StopAsyncIteration_Type)) {
        decref(val);
        decref(*--sp);
        return true;
    }
    err_restore(val);  // re-raised with its own traceback
    return false;
}

bool op_before_async_with(Object**& sp) {
    Object* mgr = sp[-1];
    Object* enter = lookup_special(mgr, "__aenter__");
    if (!enter) {
        if (!err_occurred())
            raise_format(&TypeError_Type, "'%s' object does not support the asynchronous context manager protocol",
                         type_name(mgr));
        return false;
    }
    Object* exit = lookup_special(mgr, "__aexit__");
    if (!exit) {
        if (!err_occurred())
            raise_format(&TypeError_Type,
                         "'%s' object does not support the asynchronous context manager protocol "
                         "(missed __aexit__ method)",
                         type_name(mgr));
        decref(enter);
        return false;
    }
    sp[-1] = exit;
    decref(mgr);
    Object* res = call0(enter);
    decref(enter);
    if (!res) return false;
    *sp++ = res;
    return true;
}

bool op_async_gen_wrap(Object** sp) {
    Object* v = sp[-1];
    Object* w = async_gen_value_wrapper_new(v);
    if (!w) return false;
    sp[-1] = w;
    decref(v);
    return true;
}

void return_generator_from_entry(Frame* frame) {
    // The thread frame's references moved into the generator; leave it empty so the
    // caller's pop_frame releases only what it still owns.
    frame->stacktop = 0;
    frame->f_locals = nullptr;
    incref(frame->f_func);
    incref(frame->f_code);
    frame->frame_obj = nullptr;
    rt().current_frame = mark_running(frame->previous);
}

}  // namespace ys::vm
