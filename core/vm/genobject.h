// Internal: what generators (generator.cpp), coroutines (coroutine.cpp,
// coroutine_warn.cpp) and async generators (asyncgen.cpp, asyncgen_hooks.cpp) share.
// As in CPython 3.11 the three are one struct (_PyGenObject_HEAD) with three types;
// the shared machinery checks the type where CPython does (PyCoro_CheckExact, ...).
#pragma once

#include "vm/eval_support.h"

namespace ys::vm {

inline bool is_coroutine(Object* o) { return o->ob_type == &Coroutine_Type; }
inline bool is_async_gen(Object* o) { return o->ob_type == &AsyncGen_Type; }
// A generator, coroutine or async generator (the objects with an embedded frame).
inline bool is_gen_like(Object* o) {
    return o->ob_type == &Generator_Type || o->ob_type == &Coroutine_Type || o->ob_type == &AsyncGen_Type;
}
// A generator whose code types.coroutine marked CO_ITERABLE_COROUTINE (gen_is_coroutine).
bool gen_is_coroutine(Object* o);

// module_sys.cpp: the settings sys.set_coroutine_origin_tracking_depth and
// sys.set_asyncgen_hooks store (hooks borrowed, None when unset).
int sys_coroutine_origin_tracking_depth();
Object* sys_asyncgen_firstiter();
Object* sys_asyncgen_finalizer();

// "coroutine.send": how CPython names a method in its argument errors.
inline std::string method_name(Object* self, const char* name) { return self->ob_type->tp_name + "." + name; }
// The argument check of a slot-like method (__await__, __aiter__, __anext__).
bool check_no_args(size_t nargs, Object* kwnames);

// ---- generator.cpp: the shared machinery
void gen_event(trace::EventKind kind, GenObject* gen, Object* value = nullptr, uint8_t detail = 0);
Object* gen_iternext(Object* o);
Object* gen_throw_inner(GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb);
Object* gen_send_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames);
Object* gen_throw_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames);
Object* gen_close_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames);
Object* gen_get_frame(Object* o);
Object* gen_get_running(Object* o);
Object* gen_get_suspended(Object* o);
Object* gen_get_code(Object* o);
Object* gen_get_yieldfrom(Object* o);
Object* gen_get_name(Object* o);
int gen_set_name(Object* o, Object* v);
Object* gen_get_qualname(Object* o);
int gen_set_qualname(Object* o, Object* v);
void gen_dealloc(Object* self);
int gen_traverse(Object* o, VisitFn visit, void* arg);
void gen_finalize(Object* self);
void gen_trace_fields(Object* o, trace::TraceSink* sink);
void set_stop_iteration_value(Object* value);  // _PyGen_SetStopIterationValue

// ---- coroutine.cpp
// _PyCoro_GetAwaitableIter: the iterator `await o` drives (new reference), or null
// + TypeError.
Object* coro_get_awaitable_iter(Object* o);
// `__await__` of o's type (borrowed) or null: tp_as_async->am_await.
Object* type_am_await(Type* t);
Object* compute_cr_origin(int depth, Frame* f);  // new reference
void init_coroutine_types();
// coroutine_warn.cpp: "RuntimeWarning: coroutine '...' was never awaited".
void warn_unawaited_coroutine(GenObject* coro);

// ---- asyncgen.cpp
Object* async_gen_anext(Object* o);                  // am_anext: an asend awaitable
Object* async_gen_value_wrapper_new(Object* value);  // ASYNC_GEN_WRAP (new reference)
void init_asyncgen_types();
// asyncgen_hooks.cpp: sys.set_asyncgen_hooks' firstiter/finalizer, looked up once.
int async_gen_init_hooks(GenObject* ag);             // -1 = the firstiter hook raised
void async_gen_call_finalizer(GenObject* ag, Object* finalizer);

}  // namespace ys::vm
