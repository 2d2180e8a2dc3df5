// The back half of CPython 3.11's compile.c for one code unit: prefix instructions
// (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR), cell offsets, the CFG optimizer
// (constant jumps, tuple folding, SWAP elimination, jump threading, dead code),
// line-number propagation, stack depth, exception-table labelling, jump direction and
// offsets with EXTENDED_ARG, and the final CodeObject.
#pragma once

#include <string>

#include "lang/compile_unit.h"

namespace ys::compile {

CodePtr assemble(Unit& u, const std::string& filename, uint32_t flags);

// co_flags for a unit (compute_code_flags).
uint32_t code_flags(const Unit& u);

}  // namespace ys::compile
