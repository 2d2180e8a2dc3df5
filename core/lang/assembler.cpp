// Assembling one code unit into a CodeObject, in the order of CPython 3.11's
// assemble(): prefix instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR),
// cell offsets, the CFG optimizer (assembler_cfg.cpp), exits without line numbers,
// unused constants, line-number propagation, stack depth, exception-table labels,
// jump directions and offsets (EXTENDED_ARG), then the bytes, positions and table.
#include "lang/assembler.h"

#include <algorithm>

#include "lang/assembler_cfg.h"

namespace ys::compile {

uint32_t code_flags(const Unit& u) {
    const symtable::Entry& ste = *u.ste;
    uint32_t flags = 0;
    if (ste.type == symtable::BlockType::Function) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste.nested) flags |= CO_NESTED;
        if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
        if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
        if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
        if (ste.varargs) flags |= CO_VARARGS;
        if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    }
    return flags;
}

CodePtr assemble(Unit& u, const std::string& filename, uint32_t flags) {
    std::vector<Block*> all;  // CPython's b_list: most recently allocated first
    for (auto it = u.blocks.rbegin(); it != u.blocks.rend(); ++it) all.push_back(it->get());
    for (Block* b : all) normalize_basic_block(b);
    for (Block* b : all) extend_block(b);

    Block* entry = u.entry;
    int nlocals = static_cast<int>(u.varnames.size());
    int ncells = static_cast<int>(u.cellvars.size());
    int nfrees = static_cast<int>(u.freevars.size());

    // build_cellfixedoffsets
    std::vector<int> fixed(static_cast<size_t>(ncells + nfrees));
    for (int i = 0; i < ncells + nfrees; ++i) fixed[static_cast<size_t>(i)] = nlocals + i;
    for (int i = 0; i < ncells; ++i) {
        auto it = std::find(u.varnames.begin(), u.varnames.end(), u.cellvars[static_cast<size_t>(i)]);
        if (it != u.varnames.end()) fixed[static_cast<size_t>(i)] = static_cast<int>(it - u.varnames.begin());
    }

    // insert_prefix_instructions
    auto insert_at = [&](size_t pos, int opcode, int oparg, Loc loc) {
        Instr in;
        in.opcode = opcode;
        in.oparg = oparg;
        in.loc = loc;
        entry->instrs.insert(entry->instrs.begin() + static_cast<std::ptrdiff_t>(pos), in);
    };
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        insert_at(0, op(Op::RETURN_GENERATOR), 0, Loc{u.firstlineno, u.firstlineno, -1, -1});
        insert_at(1, op(Op::POP_TOP), 0, Loc{});
    }
    if (ncells) {
        std::vector<int> sorted(static_cast<size_t>(ncells + nlocals), 0);
        for (int i = 0; i < ncells; ++i) sorted[static_cast<size_t>(fixed[static_cast<size_t>(i)])] = i + 1;
        int used = 0;
        for (int i = 0; used < ncells; ++i) {
            int oldindex = sorted[static_cast<size_t>(i)] - 1;
            if (oldindex == -1) continue;
            insert_at(static_cast<size_t>(used), op(Op::MAKE_CELL), oldindex, Loc{});
            ++used;
        }
    }
    if (nfrees) insert_at(0, op(Op::COPY_FREE_VARS), nfrees, Loc{});

    // fix_cell_offsets
    int numdropped = 0;
    for (int i = 0; i < ncells + nfrees; ++i) {
        if (fixed[static_cast<size_t>(i)] == i + nlocals) fixed[static_cast<size_t>(i)] -= numdropped;
        else ++numdropped;
    }
    for (Block* b = entry; b; b = b->next) {
        for (Instr& in : b->instrs) {
            switch (in.opcode) {
            case static_cast<int>(Op::MAKE_CELL):
            case static_cast<int>(Op::LOAD_CLOSURE):
            case static_cast<int>(Op::LOAD_DEREF):
            case static_cast<int>(Op::STORE_DEREF):
            case static_cast<int>(Op::DELETE_DEREF):
            case static_cast<int>(Op::LOAD_CLASSDEREF):
                in.oparg = fixed[static_cast<size_t>(in.oparg)];
                break;
            default:
                break;
            }
        }
    }

    // optimize_cfg
    std::vector<Constant> consts = u.consts;
    optimize_blocks(entry, consts);
    for (Block* b : all) extend_block(b);
    mark_reachable(entry);
    for (Block* b = entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->instrs.clear();
            b->nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(entry);
    for (Block* b = entry; b; b = b->next) clean_basic_block(b);
    bool maybe_empty = false;
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if ((last.opcode == JUMP || last.opcode == JUMP_NO_INTERRUPT) && last.target == b->next) {
            b->nofallthrough = false;
            last.opcode = op(Op::NOP);
            maybe_empty = true;
        }
    }
    if (maybe_empty) eliminate_empty_basic_blocks(entry);

    // duplicate_exits_without_lineno
    std::vector<std::unique_ptr<Block>> extra_blocks;
    for (Block* b : all) {  // CPython walks b_list here: most recently allocated first
        if (b->instrs.empty() || b->predecessors == 0 || !is_jump(b->instrs.back())) continue;
        Block* target = b->instrs.back().target;
        if (is_exit_without_lineno(target) && target->predecessors > 1) {
            extra_blocks.push_back(std::make_unique<Block>(*target));
            Block* nb = extra_blocks.back().get();
            nb->instrs[0].loc = b->instrs.back().loc;
            b->instrs.back().target = nb;
            target->predecessors--;
            nb->predecessors = 1;
            nb->next = target->next;
            target->next = nb;
        }
    }
    for (Block* b = entry; b; b = b->next) {
        while (b->next && b->next->instrs.empty()) b->next = b->next->next;
    }
    for (Block* b = entry; b; b = b->next) {
        if (!b->nofallthrough && b->next && !b->instrs.empty()) {
            if (is_exit_without_lineno(b->next)) b->next->instrs[0].loc = b->instrs.back().loc;
        }
    }

    // trim_unused_consts
    int max_const = 0;
    for (Block* b = entry; b; b = b->next)
        for (const Instr& in : b->instrs)
            if ((in.opcode == op(Op::LOAD_CONST) || in.opcode == op(Op::KW_NAMES)) && in.oparg > max_const)
                max_const = in.oparg;
    if (static_cast<size_t>(max_const + 1) < consts.size()) consts.resize(static_cast<size_t>(max_const + 1));

    // propagate_line_numbers
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Loc prev;
        for (Instr& in : b->instrs) {
            if (in.loc.lineno < 0) in.loc = prev;
            else prev = in.loc;
        }
        if (!b->nofallthrough && b->next && b->next->predecessors == 1) {
            if (!b->next->instrs.empty() && b->next->instrs[0].loc.lineno < 0) b->next->instrs[0].loc = prev;
        }
        if (is_jump(b->instrs.back())) {
            Block* target = b->instrs.back().target;
            if (target->predecessors == 1 && target->instrs[0].loc.lineno < 0) target->instrs[0].loc = prev;
        }
    }

    // guarantee_lineno_for_exits
    int lineno = u.firstlineno;
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if (last.loc.lineno < 0) {
            if (last.opcode == op(Op::RETURN_VALUE)) {
                for (Instr& in : b->instrs) in.loc.lineno = lineno;
            }
        } else {
            lineno = last.loc.lineno;
        }
    }

    // stackdepth
    int maxdepth = 0;
    {
        std::vector<Block*> stack;
        auto push = [&](Block* b, int depth) {
            if (b->startdepth < depth && b->startdepth < 100) {
                b->startdepth = depth;
                stack.push_back(b);
            }
        };
        push(entry, 0);
        while (!stack.empty()) {
            Block* b = stack.back();
            stack.pop_back();
            int depth = b->startdepth;
            Block* next = b->next;
            for (const Instr& in : b->instrs) {
                int effect = stack_effect(in.opcode, in.oparg, 0);
                int new_depth = depth + effect;
                maxdepth = std::max(maxdepth, new_depth);
                if (is_jump(in) || is_block_push(in)) {
                    int target_depth = depth + stack_effect(in.opcode, in.oparg, 1);
                    maxdepth = std::max(maxdepth, target_depth);
                    push(in.target, target_depth);
                }
                depth = new_depth;
                if (in.opcode == JUMP_NO_INTERRUPT || in.opcode == JUMP || is_scope_exit(in.opcode)) {
                    next = nullptr;
                    break;
                }
            }
            if (next) push(next, depth);
        }
    }

    // label_exception_targets
    {
        for (Block* b = entry; b; b = b->next) b->visited = false;
        std::vector<Block*> todo;
        entry->exceptstack = std::make_shared<std::vector<Block*>>();
        entry->visited = true;
        todo.push_back(entry);
        while (!todo.empty()) {
            Block* b = todo.back();
            todo.pop_back();
            auto except_stack = b->exceptstack;
            b->exceptstack.reset();
            Block* handler = except_stack->empty() ? nullptr : except_stack->back();
            for (Instr& in : b->instrs) {
                if (is_block_push(in)) {
                    if (!in.target->visited) {
                        in.target->exceptstack = std::make_shared<std::vector<Block*>>(*except_stack);
                        in.target->visited = true;
                        todo.push_back(in.target);
                    }
                    if (in.opcode == SETUP_WITH || in.opcode == SETUP_CLEANUP) in.target->preserve_lasti = true;
                    except_stack->push_back(in.target);
                    handler = in.target;
                } else if (in.opcode == POP_BLOCK) {
                    if (!except_stack->empty()) except_stack->pop_back();
                    handler = except_stack->empty() ? nullptr : except_stack->back();
                } else if (is_jump(in)) {
                    in.except = handler;
                    if (!in.target->visited) {
                        if (!b->nofallthrough) {
                            in.target->exceptstack = std::make_shared<std::vector<Block*>>(*except_stack);
                        } else {
                            in.target->exceptstack = except_stack;
                        }
                        in.target->visited = true;
                        todo.push_back(in.target);
                    }
                } else {
                    in.except = handler;
                }
            }
            if (!b->nofallthrough && b->next && !b->next->visited) {
                b->next->exceptstack = except_stack;
                b->next->visited = true;
                todo.push_back(b->next);
            }
        }
    }
    for (Block* b = entry; b; b = b->next) {
        for (Instr& in : b->instrs) {
            if (is_block_push(in) || in.opcode == POP_BLOCK) {
                in.opcode = op(Op::NOP);
                in.target = nullptr;
                in.oparg = 0;
            }
        }
    }
    for (Block* b = entry; b; b = b->next) clean_basic_block(b);

    // normalize_jumps
    for (Block* b = entry; b; b = b->next) b->visited = false;
    for (Block* b = entry; b; b = b->next) {
        b->visited = true;
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if (!is_jump(last)) continue;
        bool fwd = !last.target->visited;
        switch (last.opcode) {
        case JUMP: last.opcode = fwd ? op(Op::JUMP_FORWARD) : op(Op::JUMP_BACKWARD); break;
        case JUMP_NO_INTERRUPT:
            last.opcode = fwd ? op(Op::JUMP_FORWARD) : op(Op::JUMP_BACKWARD_NO_INTERRUPT);
            break;
        case POP_JUMP_IF_NOT_NONE:
            last.opcode = fwd ? op(Op::POP_JUMP_FORWARD_IF_NOT_NONE) : op(Op::POP_JUMP_BACKWARD_IF_NOT_NONE);
            break;
        case POP_JUMP_IF_NONE:
            last.opcode = fwd ? op(Op::POP_JUMP_FORWARD_IF_NONE) : op(Op::POP_JUMP_BACKWARD_IF_NONE);
            break;
        case POP_JUMP_IF_FALSE:
            last.opcode = fwd ? op(Op::POP_JUMP_FORWARD_IF_FALSE) : op(Op::POP_JUMP_BACKWARD_IF_FALSE);
            break;
        case POP_JUMP_IF_TRUE:
            last.opcode = fwd ? op(Op::POP_JUMP_FORWARD_IF_TRUE) : op(Op::POP_JUMP_BACKWARD_IF_TRUE);
            break;
        default:
            break;
        }
    }

    // assemble_jump_offsets
    bool recompile = true;
    while (recompile) {
        int totsize = 0;
        for (Block* b = entry; b; b = b->next) {
            b->offset = totsize;
            for (const Instr& in : b->instrs) totsize += instr_size(in);
        }
        recompile = false;
        for (Block* b = entry; b; b = b->next) {
            int bsize = b->offset;
            for (Instr& in : b->instrs) {
                int isize = instr_size(in);
                bsize += isize;
                if (is_jump(in)) {
                    int target = in.target->offset;
                    in.oparg = target < bsize ? bsize - target : target - bsize;
                    if (instr_size(in) != isize) recompile = true;
                }
            }
        }
    }

    // emit
    auto code = std::make_shared<CodeObject>();
    code->co_name = u.name;
    code->co_qualname = u.qualname.empty() ? u.name : u.qualname;
    code->co_filename = filename;
    code->co_firstlineno = u.firstlineno;
    code->co_argcount = u.argcount + u.posonlyargcount;
    code->co_posonlyargcount = u.posonlyargcount;
    code->co_kwonlyargcount = u.kwonlyargcount;
    code->co_stacksize = maxdepth;
    code->co_flags = flags;
    code->co_consts = consts;
    code->co_names = u.names;
    for (const auto& name : u.varnames) {
        uint8_t kind = CO_FAST_LOCAL;
        if (std::find(u.cellvars.begin(), u.cellvars.end(), name) != u.cellvars.end()) kind |= CO_FAST_CELL;
        code->co_localsplusnames.push_back(name);
        code->co_localspluskinds.push_back(kind);
    }
    for (const auto& name : u.cellvars) {
        if (std::find(u.varnames.begin(), u.varnames.end(), name) != u.varnames.end()) continue;
        code->co_localsplusnames.push_back(name);
        code->co_localspluskinds.push_back(CO_FAST_CELL);
    }
    for (const auto& name : u.freevars) {
        code->co_localsplusnames.push_back(name);
        code->co_localspluskinds.push_back(CO_FAST_FREE);
    }
    for (Block* b = entry; b; b = b->next) {
        for (const Instr& in : b->instrs) {
            int oparg = in.oparg;
            int size = instr_size(in);
            int extended = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
            Position pos;
            if (in.loc.lineno >= 0) {
                pos.line = in.loc.lineno;
                if (in.loc.col < 0 || in.loc.end_col < 0 || in.loc.end_lineno < in.loc.lineno) {
                    pos.end_line = in.loc.lineno;
                } else {
                    pos.end_line = in.loc.end_lineno;
                    pos.col = in.loc.col;
                    pos.end_col = in.loc.end_col;
                }
            }
            for (int k = extended; k > 0; --k) {
                code->co_code.push_back(static_cast<uint8_t>(Op::EXTENDED_ARG));
                code->co_code.push_back(static_cast<uint8_t>((oparg >> (8 * k)) & 0xFF));
            }
            code->co_code.push_back(static_cast<uint8_t>(in.opcode));
            code->co_code.push_back(static_cast<uint8_t>(oparg & 0xFF));
            int caches = op_info(static_cast<unsigned char>(in.opcode)).cache_entries;
            for (int k = 0; k < caches; ++k) {
                code->co_code.push_back(0);
                code->co_code.push_back(0);
            }
            for (int k = 0; k < size; ++k) code->positions.push_back(pos);
        }
    }

    // assemble_exception_table
    {
        Block* handler = nullptr;
        int start = -1;
        int ioffset = 0;
        auto emit = [&](int s, int e, Block* h) {
            ExceptionTableEntry entry_;
            entry_.start = s;
            entry_.end = e;
            entry_.target = h->offset;
            int depth = h->startdepth - 1;
            if (h->preserve_lasti) depth -= 1;
            entry_.depth = depth;
            entry_.push_lasti = h->preserve_lasti;
            code->exception_table.push_back(entry_);
        };
        for (Block* b = entry; b; b = b->next) {
            ioffset = b->offset;
            for (const Instr& in : b->instrs) {
                if (in.except != handler) {
                    if (handler) emit(start, ioffset, handler);
                    start = ioffset;
                    handler = in.except;
                }
                ioffset += instr_size(in);
            }
        }
        if (handler) emit(start, ioffset, handler);
    }
    return code;
}

}  // namespace ys::compile
