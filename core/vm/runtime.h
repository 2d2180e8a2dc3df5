// The runtime: CPython's PyInterpreterState and PyThreadState in one struct (the VM
// runs one thread). The running Runtime is reachable through the thread-local
// `t_rt`, set by run_program for the duration of a run, so two VMs on two threads
// never see each other. Also: the exception API (CPython's PyErr_*), native function
// helpers (argument parsing), and module / builtin registration.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "trace/sink.h"
#include "vm/objects.h"

namespace ys::vm {

struct Frame;
struct GcState;

// _PyErr_StackItem: one entry of the thread's exception-info chain (sys.exc_info()).
// The thread state holds the base item; each running generator pushes its gi_exc_state.
struct ExcStackItem {
    Object* exc_value = nullptr;          // strong; null or None = no exception
    ExcStackItem* previous_item = nullptr;
};

struct Runtime {
    // --- options and limits
    std::vector<std::string> argv;
    int64_t max_steps = 0;
    int64_t steps = 0;
    int64_t step_limit = INT64_MAX;       // steps at which the eval loop checks the budget
    int64_t max_memory = 0;
    int64_t memory_bytes = 0;
    bool budget_exhausted = false;
    trace::TraceSink* sink = nullptr;
    trace::Granularity granularity = trace::Granularity::Events;
    uint64_t next_trace_id = 1;

    // --- thread state
    Object* curexc = nullptr;             // the exception being raised (strong), normalized
    uint64_t raise_reported = 0;          // trace id of the exception last reported raised
    ExcStackItem exc_state;               // base item of the chain
    ExcStackItem* exc_info = &exc_state;  // top of the chain
    Frame* current_frame = nullptr;
    int recursion_limit = 1000;
    int recursion_remaining = 1000;
    int c_depth = 0;                      // C++ re-entries of the eval loop (guard)
    int recursion_headroom = 0;

    // --- interpreter state
    Object* builtins = nullptr;           // dict
    Object* modules = nullptr;            // dict: sys.modules
    Object* main_module = nullptr;
    Object* sys_module = nullptr;
    Object* sys_stdout = nullptr;         // the objects behind sys.stdout / sys.stderr
    Object* sys_stderr = nullptr;
    std::string main_source;              // for traceback source lines
    std::string main_filename;
    GcState* gc = nullptr;
    bool finalizing = false;
    bool stress_gc = false;               // collect on every GC allocation (tests)
    // Level 2: the virtual clock in seconds (time.monotonic(), loop.time()). Only
    // time.sleep() and an idle event loop advance it (module_time.cpp), so runs and
    // traces are reproducible; every trace event carries it (trace_report.cpp).
    double virtual_clock = 0.0;

    // --- output (sys.stdout / sys.stderr), buffered, flushed at exit / when large
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
    std::string out_buf, err_buf;
    void write_out(std::string_view s, int stream);  // 0 stdout, 1 stderr
    void flush();

    // Hooks run at shutdown (weakref.finalize's atexit), registered by modules.
    std::vector<std::function<void()>> atexit_hooks;
    // asyncgen.cpp: the asend / wrapped-value free lists; released with the runtime.
    std::shared_ptr<struct AsyncGenFreeLists> async_gen_freelists;
};

extern constinit thread_local Runtime* t_rt;
inline Runtime& rt() { return *t_rt; }

// ---------------------------------------------------------------------------------
// Exceptions (errors.cpp). All return nullptr / -1 so `return raise(...)` reads well.
extern Type BaseException_Type, Exception_Type, StopIteration_Type, GeneratorExit_Type,
    ArithmeticError_Type, ZeroDivisionError_Type, OverflowError_Type, LookupError_Type,
    KeyError_Type, IndexError_Type, ValueError_Type, TypeError_Type, RuntimeError_Type,
    RecursionError_Type, NotImplementedError_Type, NameError_Type, UnboundLocalError_Type,
    AttributeError_Type, AssertionError_Type, ImportError_Type, ModuleNotFoundError_Type,
    StopAsyncIteration_Type, KeyboardInterrupt_Type, MemoryError_Type, SystemExit_Type,
    UnicodeError_Type, DeprecationWarning_Type, RuntimeWarning_Type, Warning_Type;

std::nullptr_t raise(Type* type, std::string_view message);  // PyErr_SetString
std::nullptr_t raise_format(Type* type, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));                   // PyErr_Format
std::nullptr_t raise_object(Type* type, Object* value);       // PyErr_SetObject (value borrowed)
std::nullptr_t raise_exc(Object* exc);                        // set an instance (borrowed)
std::nullptr_t raise_no_memory();
inline bool err_occurred() { return t_rt->curexc != nullptr; }
// With a sink: the current exception reached a Python frame's error path (errors.cpp).
void trace_exception_reached_frame();
bool err_matches(Type* type);                 // current exception is an instance of type
bool exc_matches(Object* exc, Object* type_or_tuple);
Object* err_fetch();                          // takes the current exception (strong) and clears it
void err_restore(Object* exc);                // steals; sets it as the current exception
void err_clear();
// Sets __context__ of the exception being raised from the exc_info chain (what
// _PyErr_SetObject does), cutting cycles as CPython does.
void err_chain_context(Object* exc);
// Line `lineno` of the program's own source (linecache.getline for __main__'s file),
// without its newline; "" for any other file or a line past the end.
std::string source_line(const std::string& filename, int lineno);
// Reports an unraisable exception: "Exception ignored in: <obj repr>" + traceback.
void write_unraisable(Object* obj);
// BaseException layout: shared by all exception types (StopIteration adds `value`,
// SystemExit `code`; user subclasses add __dict__ via tp_dictoffset).
struct ExceptionObject : Object {
    Object* dict;
    Object* args;             // tuple
    Object* traceback;
    Object* context;
    Object* cause;
    bool suppress_context;
    Object* value;            // StopIteration.value / SystemExit.code
    Object* weaklist;
};
inline bool is_exception(Object* o) { return has_flag(o, TPF_BASE_EXC_SUBCLASS); }
inline bool is_exception_type(Object* o) {
    return has_flag(o, TPF_TYPE_SUBCLASS) &&
           (static_cast<Type*>(o)->tp_flags & TPF_BASE_EXC_SUBCLASS) != 0;
}
Object* new_exception(Type* type, Object* const* args, size_t nargs);  // calls the type
Object* exc_str(Object* exc);  // str(exc)

// ---------------------------------------------------------------------------------
// Native functions (native.cpp).
//
// A builtin function object: MethodDef + bound `self` (module or instance) — CPython's
// PyCFunctionObject; used for module functions and bound builtin methods.
struct BuiltinFunctionObject : Object {
    const MethodDef* def;
    Object* self;        // strong or null
    Object* module_name; // str or null
};
Object* new_builtin_function(const MethodDef* def, Object* self);

// Argument parsing, in CPython's words for the errors ("f() takes at most 2 arguments
// (3 given)", "f() got an unexpected keyword argument 'x'", "f() missing required
// argument 'x' (pos 1)"). `names` are the parameter names in order (positional or
// keyword); the first `npos_only` may only be given positionally; `nrequired` must
// be given. `out[i]` receives a borrowed reference or stays null when not given.
bool parse_args(const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                std::initializer_list<const char*> names, size_t nrequired, Object** out,
                size_t npos_only = 0);
// Shortcuts for fixed-arity functions without keywords.
bool no_kwargs(const char* fname, Object* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);

// Adds the methods / getsets of `type` to its dict, computes the MRO, and sets the
// TPF_READY flag. Called once per static type at startup (types.cpp).
void type_ready(Type* type);

// ---------------------------------------------------------------------------------
// Modules (module.cpp). A module is a namespace dict plus a name. Built-in modules
// register an init function that fills the module's dict when first imported.
struct ModuleObject : Object {
    Object* md_dict;
    Object* md_name;
    Object* weaklist;
};
Object* new_module(std::string_view name);
using ModuleInitFn = int (*)(Object* module);  // -1 on error
void register_builtin_module(const char* name, ModuleInitFn init);
Object* import_module(Object* name);           // new reference; ModuleNotFoundError
// Builtins registration: module_builtins.cpp's init adds the functions; the core adds
// the types and exceptions.
int add_function(Object* module_or_dict, const MethodDef* def);
int add_object(Object* module_or_dict, std::string_view name, Object* value);  // increfs

}  // namespace ys::vm
