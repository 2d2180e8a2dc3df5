// The rest of the `builtins` module (owned by the built-ins engineer): everything
// builtins_core.cpp does not define, added after the core's functions (so these
// definitions of print, iter, next, ... take precedence), and the startup hooks that
// give the built-in types their methods.
#include "vm/builtins.h"
#include "vm/builtins_util.h"

namespace ys::vm {

void init_numeric_methods();      // builtins_numeric.cpp
void init_list_methods();         // list_methods.cpp
void init_tuple_methods();        // tuple_methods.cpp
void init_dict_methods();         // dict_methods.cpp
void init_set_methods();          // set_methods.cpp
void init_str_search_methods();   // str_methods.cpp
void init_str_case_methods();     // str_case.cpp
void init_format_methods();       // str_format.cpp
void init_callable_iterator_type();  // module_builtins.cpp
void init_iter_types();           // builtins_iter.cpp
void init_dict_view_types();      // dict_methods.cpp
void init_sys_types();            // module_sys.cpp
void init_itertools_types();      // module_itertools.cpp
void init_weakref_lib_types();    // module_weakref.cpp

int init_builtins_extra(Object* module) { return init_builtins_functions(module); }

void init_builtin_methods() {
    init_numeric_methods();
    init_list_methods();
    init_tuple_methods();
    init_dict_methods();
    init_set_methods();
    init_str_search_methods();
    init_str_case_methods();
    init_format_methods();
}

void init_builtin_lib_types() {
    init_callable_iterator_type();
    init_iter_types();
    init_dict_view_types();
    init_sys_types();
    init_itertools_types();
    init_weakref_lib_types();
}

}  // namespace ys::vm
