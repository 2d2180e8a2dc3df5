// The list of built-in modules (owned by the built-ins engineer): one
// register_builtin_module() call per module_*.cpp. Anything else is
// "ModuleNotFoundError: No module named 'x'" (module.cpp's import).
#include "vm/builtins.h"
#include "vm/builtins_util.h"

namespace ys::vm {

int init_sys(Object* m);        // module_sys.cpp
int init_itertools(Object* m);  // module_itertools.cpp
int init_inspect(Object* m);    // module_inspect.cpp
int init_types_module(Object* m);  // module_types.cpp
int init_weakref(Object* m);    // module_weakref.cpp
int init_gc_module(Object* m);  // module_gc.cpp
int init_time_module(Object* m);     // module_time.cpp
int init_ysclock_module(Object* m);  // module_time.cpp: the virtual clock for asyncio
int init_ystrace_module(Object* m);  // module_ystrace.cpp: the event loop's trace events

void register_all_modules() {
    register_builtin_module("sys", init_sys);
    register_builtin_module("itertools", init_itertools);
    register_builtin_module("inspect", init_inspect);
    register_builtin_module("types", init_types_module);
    register_builtin_module("weakref", init_weakref);
    register_builtin_module("gc", init_gc_module);
    register_builtin_module("time", init_time_module);
    register_builtin_module("_ysclock", init_ysclock_module);
    register_builtin_module("_ystrace", init_ystrace_module);
    // asyncio and its parts are frozen modules (module_frozen.cpp), found by import.
}

void register_builtin_lib_modules() { register_all_modules(); }

}  // namespace ys::vm
