// Code objects, functions, interpreter frames, frame objects and generators, laid out
// like CPython 3.11 (pycore_frame.h, pycore_genobject.h, funcobject.h) because these
// structs are what the diagrams draw.
#pragma once

#include <cstdint>

#include "lang/code.h"
#include "vm/runtime.h"

namespace ys::vm {

// A code object as the VM sees it: the compiler's CodeObject plus its constants and
// names turned into objects once.
struct CodeObj : Object {
    CodePtr code;                 // placement-new'd shared_ptr
    const uint16_t* instrs;       // co_code as code units: opcode | oparg << 8
    Object* consts;               // tuple
    Object* names;                // tuple of interned str
    Object* localsplusnames;      // tuple of interned str
    Object* co_name;              // str
    Object* co_qualname;          // str
    Object* co_filename;          // str
    int nlocalsplus;
    int stacksize;
    int framesize;                // nlocalsplus + stacksize
    int ncells_and_frees;
    uint32_t flags;
    Object* weaklist;
};
Object* new_code(const CodePtr& code);  // new reference; null + error on bad constants
inline int code_units(const CodeObj* c) { return c->code->code_units(); }

struct FunctionObject : Object {
    Object* func_globals;
    Object* func_builtins;
    Object* func_name;
    Object* func_qualname;
    Object* func_code;            // CodeObj
    Object* func_defaults;        // tuple or null
    Object* func_kwdefaults;      // dict or null
    Object* func_closure;         // tuple of cells or null
    Object* func_doc;
    Object* func_dict;
    Object* func_weakreflist;
    Object* func_module;
};

// _PyInterpreterFrame's owner field.
enum FrameOwner : uint8_t {
    FRAME_OWNED_BY_THREAD = 0,
    FRAME_OWNED_BY_GENERATOR = 1,
    FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

struct FrameObject;

// _PyInterpreterFrame: locals, cells, free variables and the value stack in one array
// after the header (localsplus()). Thread-owned frames live on the runtime's data
// stack; generator frames are embedded in the generator object.
struct Frame {
    Object* f_func;               // strong (function, or null for module code run directly)
    Object* f_globals;            // borrowed (the function or module keeps it alive)
    Object* f_builtins;           // borrowed
    Object* f_locals;             // strong or null (module / class bodies)
    CodeObj* f_code;              // strong
    FrameObject* frame_obj;       // strong or null: the PyFrameObject, made on demand
    Frame* previous;              // the caller while running; null when suspended
    int prev_instr;               // code unit index of the last instruction started; -1 before
    int stacktop;                 // index into localsplus of the first free stack slot
    bool is_entry;                // the eval loop returns to C++ when this frame returns
    uint64_t trace_id;            // the frame's trace id (0 until reported; trace_report.cpp)
    uint8_t owner;
    // Set whenever the frame becomes the running one (mark_running) or is written
    // from outside (a callee's except block storing into its generator's exc state):
    // the trace reporter re-reads a frame that is not running only while this is set,
    // and clears it then. A frame that is not running cannot otherwise change.
    bool report_stale;
    Object** localsplus() { return reinterpret_cast<Object**>(this + 1); }
    int lasti_bytes() const { return prev_instr * 2; }
    int lineno() const;           // line of prev_instr (or the first line)
};
// Every `current_frame = f` goes through this (see Frame::report_stale).
inline Frame* mark_running(Frame* f) {
    if (f) f->report_stale = true;
    return f;
}
inline size_t frame_size_bytes(const CodeObj* code) {
    return sizeof(Frame) + sizeof(Object*) * static_cast<size_t>(code->framesize);
}

// PyFrameObject: the Python-visible frame. While the interpreter frame lives elsewhere
// (a running call or a generator), f_frame points to it; when that frame goes away
// while this object is still referenced, the frame is copied into `owned` and
// owner becomes FRAME_OWNED_BY_FRAME_OBJECT (take_ownership in Python/frame.c).
struct FrameObject : Object {
    FrameObject* f_back;          // strong, set only when the frame was taken over
    Frame* f_frame;
    Object* f_trace;
    int f_lineno;                 // line when detached
    Frame* owned;                 // heap copy when owned by this object
};
FrameObject* frame_object_for(Frame* f);  // borrowed; creates it on first use
Object* frame_get_locals(Frame* f);       // f_locals as a new dict

// gi_frame_state.
enum FrameState : int8_t {
    FRAME_CREATED = -2,
    FRAME_SUSPENDED = -1,
    FRAME_EXECUTING = 0,
    FRAME_COMPLETED = 1,
    FRAME_CLEARED = 4,
};
// 3.11 spells SUSPENDED_YIELD_FROM as "suspended, with a SEND in progress"; it is not
// a separate value in 3.11's enum, but the trace reports it (REPORTING.md), so we
// derive it: SUSPENDED and the next instruction is the SEND/YIELD of a `yield from`.

struct GenObject : Object {
    Object* gi_code;              // CodeObj, strong
    Object* gi_weakreflist;
    Object* gi_name;              // str, strong
    Object* gi_qualname;          // str, strong
    ExcStackItem gi_exc_state;
    // Coroutines: cr_origin (tuple or null). Async generators: ag_finalizer, the
    // finalizer hook captured at first iteration (CPython 3.11's one
    // `*_origin_or_finalizer` field of _PyGenObject_HEAD).
    Object* gi_origin_or_finalizer;
    int8_t gi_frame_state;
    bool gi_closed_by_dealloc;
    // Async generators only (PyAsyncGenObject).
    bool ag_hooks_inited;         // firstiter/finalizer hooks looked up (first __anext__/asend/...)
    bool ag_closed;               // aclose() started or StopAsyncIteration/GeneratorExit seen
    bool ag_running_async;        // an asend/athrow awaitable is driving it (ag_running)
    Frame* iframe() { return reinterpret_cast<Frame*>(this + 1); }  // gi_iframe, embedded
};
inline GenObject* gen_from_frame(Frame* f) { return reinterpret_cast<GenObject*>(f) - 1; }

enum class SendResult { Next, Return, Error };  // PySendResult

// ---------------------------------------------------------------------------------
// eval.cpp / call.cpp / generator.cpp
Object* eval_frame(Frame* frame, bool throwflag);     // _PyEval_EvalFrameDefault
Object* call_function(Object* func, Object* const* args, size_t nargs, Object* kwnames);
// Pushes a new frame for `func` on the data stack with its arguments bound; null +
// error on bad arguments (the arguments are borrowed).
Frame* push_function_frame(FunctionObject* func, Object* const* args, size_t nargs,
                           Object* kwnames);
void pop_frame(Frame* f);                             // clears and releases a thread frame
void clear_frame_locals(Frame* f);                    // drops locals + stack in order
Frame* alloc_thread_frame(CodeObj* code);             // data stack allocation (uninit'd)
SendResult gen_send_ex2(GenObject* gen, Object* arg, Object** presult, bool exc, bool closing);
Object* gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing);
Object* gen_throw_impl(GenObject* gen, Object* typ, Object* val, Object* tb);
Object* gen_close_impl(GenObject* gen);
Object* gen_yieldfrom(GenObject* gen);                // borrowed or null
Object* make_generator(Frame* frame);                 // RETURN_GENERATOR (_Py_MakeCoro)
// Generator, coroutine and async generator types (generator.cpp, coroutine.cpp,
// asyncgen.cpp; internals shared between them in genobject.h).
extern Type Coroutine_Type, CoroWrapper_Type, AsyncGen_Type, AsyncGenASend_Type, AsyncGenAThrow_Type,
    AsyncGenWrappedValue_Type;
Object* run_module_code(CodeObj* code, Object* globals);

// Traceback (traceback.cpp).
struct TracebackObject : Object {
    Object* tb_next;
    Object* tb_frame;             // FrameObject
    int tb_lasti;                 // bytes
    int tb_lineno;
};
int traceback_here(Frame* f);     // PyTraceBack_Here on the current exception
void print_exception(Object* exc, std::string& out);  // full chain, CPython's text
// The recursion check CPython does when entering a frame ("" / " while calling ...").
bool enter_recursive_call(const char* where);
inline void leave_recursive_call() { ++t_rt->recursion_remaining; }

}  // namespace ys::vm
