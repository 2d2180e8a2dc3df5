// Internal interface of the built-ins layer (builtins_*.cpp, str_*.cpp, module_*.cpp,
// *_methods.cpp): the entry points the core calls at startup, and small helpers the
// built-in files share. Nothing here is part of the VM's public face (vm.h).
#pragma once

#include <string>
#include <string_view>

#include "vm/runtime.h"

namespace ys::vm {

// ---------------------------------------------------------------------------------
// Startup entry points (called by the core, see core/vm/README.md).
//
// Adds the methods of the built-in value types (list.sort, dict.items, str.split,
// int.bit_length, object.__format__, ...) to their tp_methods. MUST run after the
// core's init_*_type() functions and BEFORE type_ready() of those types: type_ready
// turns tp_methods into descriptors that point into the vector.
void init_builtin_methods();
// Readies the types the built-ins layer defines itself (enumerate, zip, map, filter,
// reversed, dict views, itertools objects, sys streams, ...). Run after the core types
// are ready.
void init_builtin_lib_types();
// Registers sys, itertools, inspect, types, weakref, gc, time with register_builtin_module.
void register_builtin_lib_modules();
// Fills the builtins module (or its dict) with the builtin functions and the types
// this layer owns (enumerate, zip, map, filter, reversed). -1 on error.
int init_builtins_functions(Object* builtins_module);

// ---------------------------------------------------------------------------------
// Formatting (str_format.cpp, str_percent.cpp).
// PyObject_Format: format(value, spec) / FORMAT_VALUE with a spec. spec may be null
// (= ''). New reference.
Object* object_format(Object* value, Object* spec);
// str % args (str_percent.cpp); a is a str.
Object* str_mod_format(Object* a, Object* b);
// Raises the Python exception a format engine reported (type name + message).
std::nullptr_t raise_format_error(const std::string& type, const std::string& message);

// ---------------------------------------------------------------------------------
// Shared helpers.
// offsetof for object structs: they derive from Object, so they are not standard
// layout and offsetof() is only conditionally supported (-Winvalid-offsetof).
template <class T, class M>
intptr_t field_offset(M T::*member) {
    static T probe{};
    return reinterpret_cast<const char*>(&(probe.*member)) - reinterpret_cast<const char*>(&probe);
}
inline Object* iter_self(Object* o) { return newref(o); }
// sys.stdout / sys.stderr write used by print(): writes `text` to `file` (a stream
// object or any object with write()); file null = sys.stdout. -1 on error.
int write_to_file(Object* file, std::string_view text);
// Stable sort of `items` (strong references, order changed in place) with an optional
// key function and reverse flag, comparing with `<` only, as list.sort. -1 on error.
int sort_objects(std::vector<Object*>& items, Object* key, bool reverse);
// Looks a keyword argument up by name (kwnames as in the vectorcall convention);
// borrowed or null.
Object* find_kwarg(Object* const* args, size_t nargs, Object* kwnames, std::string_view name);
// Code points of a UTF-8 string and back (str methods work on code points).
std::u32string utf8_decode(std::string_view s);
std::string utf8_encode_all(std::u32string_view s);

}  // namespace ys::vm
