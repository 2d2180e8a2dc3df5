// The control-flow-graph passes of CPython 3.11's compile.c that the assembler runs
// on one code unit: instruction properties (jumps, stack effects, sizes), block
// normalisation, the peephole optimizer (optimize_basic_block with constant jumps,
// tuple folding, swaptimize/apply_static_swaps, jump threading), NOP removal,
// reachability and empty-block elimination.
#pragma once

#include <vector>

#include "lang/compile_unit.h"

namespace ys::compile {

bool is_jump(const Instr& i);
bool is_block_push(const Instr& i);
bool is_scope_exit(int opcode);
int stack_effect(int opcode, int oparg, int jump);
int instr_size(const Instr& i);

void normalize_basic_block(Block* b);
void extend_block(Block* b);
// optimize_basic_block for every block in layout order, each followed by
// clean_basic_block; `consts` may grow with folded tuples.
void optimize_blocks(Block* entry, std::vector<Constant>& consts);
void clean_basic_block(Block* bb);
void mark_reachable(Block* entry);
void eliminate_empty_basic_blocks(Block* entry);
bool is_exit_without_lineno(Block* b);

}  // namespace ys::compile
