// Internal: registration hooks shared by the core and the built-ins files.
#pragma once

#include "vm/object.h"

namespace ys::vm {

extern Type TextIO_Type;
Object* new_text_stream(int stream);        // sys.stdout (0) / sys.stderr (1)
int init_builtins_core(Object* module);     // builtins_core.cpp
// Called once per run after the core builtins: the built-ins engineer adds the rest
// of `builtins` here (builtins_*.cpp). Defined weak in run.cpp until then.
int init_builtins_extra(Object* module);
// Registers the built-in modules (module_*.cpp) with register_builtin_module().
void register_all_modules();
// The runtime's representation of `format(value, spec)` and `str % args`.
Object* object_format(Object* value, Object* spec);
Object* str_mod_format(Object* format, Object* args);

}  // namespace ys::vm
