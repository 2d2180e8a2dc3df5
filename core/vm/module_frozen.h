// Frozen modules: library modules written in Python (core/vm/lib/*.py, e.g. asyncio),
// embedded in the binary at build time (the generated frozen_sources.cpp) and, the
// first time a program imports one, compiled by our own compiler and executed as a
// module namespace, as CPython does with its frozen modules.
#pragma once

#include <cstddef>
#include <string_view>

#include "vm/runtime.h"

namespace ys::vm {

struct FrozenSource {
    const char* name;    // module name, e.g. "asyncio"
    const char* source;  // the .py file's text
};
// Generated from core/vm/lib by core/vm/lib/embed_frozen.cmake.
extern const FrozenSource kFrozenSources[];
extern const size_t kFrozenSourceCount;

bool is_frozen_module(std::string_view name);
// Runs frozen module `name` in `module`'s namespace: 0, or -1 with an exception set.
int exec_frozen_module(std::string_view name, Object* module);

}  // namespace ys::vm
