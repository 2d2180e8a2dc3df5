// A listing in the layout of CPython 3.11's `python3 -m dis`.
#pragma once

#include <string>

#include "lang/code.h"

namespace ys {

struct DisOptions {
    bool show_caches = false;  // like dis(show_caches=True)
    bool recursive = true;     // nested code objects after their parent, as `-m dis` does
};

std::string disassemble(const CodeObject& code, const DisOptions& options = {});

}  // namespace ys
