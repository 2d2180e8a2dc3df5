#include "lang/assembler_cfg.h"

#include <algorithm>

namespace ys::compile {

namespace {

constexpr int kMaxCopySize = 4;

bool is_jump_opcode(int opcode) {
    switch (opcode) {
    case JUMP:
    case JUMP_NO_INTERRUPT:
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
        return true;
    default:
        break;
    }
    if (opcode < 0 || opcode > 255) return false;
    return (op_info(static_cast<unsigned char>(opcode)).flags & (OPF_JFWD | OPF_JBACK)) != 0;
}

// ---- optimize_basic_block ----

struct Optimizer {
    std::vector<Constant>& consts;

    const Constant& const_of(const Instr& i) { return consts[static_cast<size_t>(i.oparg)]; }

    int jump_thread(Instr& inst, const Instr& target, int opcode) {
        if (inst.loc.lineno == target.loc.lineno && inst.target != target.target) {
            inst.target = target.target;
            inst.opcode = opcode;
            return 1;
        }
        return 0;
    }

    void fold_tuple_on_constants(std::vector<Instr>& instrs, size_t pos, int n) {
        size_t first = pos - static_cast<size_t>(n);
        for (int i = 0; i < n; ++i)
            if (instrs[first + static_cast<size_t>(i)].opcode != op(Op::LOAD_CONST)) return;
        Constant tuple;
        tuple.kind = Constant::Kind::Tuple;
        for (int i = 0; i < n; ++i) tuple.items.push_back(const_of(instrs[first + static_cast<size_t>(i)]));
        size_t index = 0;
        for (; index < consts.size(); ++index)
            if (const_equal(consts[index], tuple)) break;
        if (index == consts.size()) consts.push_back(tuple);
        for (int i = 0; i < n; ++i) instrs[first + static_cast<size_t>(i)].opcode = op(Op::NOP);
        instrs[pos].opcode = op(Op::LOAD_CONST);
        instrs[pos].oparg = static_cast<int>(index);
    }

    static int next_swappable(std::vector<Instr>& instrs, int i, int lineno) {
        while (++i < static_cast<int>(instrs.size())) {
            const Instr& in = instrs[static_cast<size_t>(i)];
            if (lineno >= 0 && in.loc.lineno != lineno) return -1;
            if (in.opcode == op(Op::NOP)) continue;
            if (in.opcode == op(Op::STORE_FAST) || in.opcode == op(Op::POP_TOP)) return i;
            return -1;
        }
        return -1;
    }

    static void apply_static_swaps(std::vector<Instr>& instrs, int i) {
        for (; i >= 0; --i) {
            Instr& swap = instrs[static_cast<size_t>(i)];
            if (swap.opcode != op(Op::SWAP)) {
                if (swap.opcode == op(Op::NOP) || swap.opcode == op(Op::STORE_FAST) ||
                    swap.opcode == op(Op::POP_TOP)) {
                    continue;
                }
                return;
            }
            int j = next_swappable(instrs, i, -1);
            if (j < 0) return;
            int k = j;
            int lineno = instrs[static_cast<size_t>(j)].loc.lineno;
            for (int count = swap.oparg - 1; count > 0; --count) {
                k = next_swappable(instrs, k, lineno);
                if (k < 0) return;
            }
            swap.opcode = op(Op::NOP);
            std::swap(instrs[static_cast<size_t>(j)], instrs[static_cast<size_t>(k)]);
        }
    }

    static void swaptimize(std::vector<Instr>& instrs, int& ix) {
        int base = ix;
        int depth = instrs[static_cast<size_t>(base)].oparg;
        int len = 0;
        bool more = false;
        int limit = static_cast<int>(instrs.size()) - base;
        while (++len < limit) {
            int opcode = instrs[static_cast<size_t>(base + len)].opcode;
            if (opcode == op(Op::SWAP)) {
                depth = std::max(depth, instrs[static_cast<size_t>(base + len)].oparg);
                more = true;
            } else if (opcode != op(Op::NOP)) {
                break;
            }
        }
        if (!more) return;
        std::vector<int> stack(static_cast<size_t>(depth));
        for (int i = 0; i < depth; ++i) stack[static_cast<size_t>(i)] = i;
        for (int i = 0; i < len; ++i) {
            const Instr& in = instrs[static_cast<size_t>(base + i)];
            if (in.opcode == op(Op::SWAP)) {
                int top = stack[0];
                stack[0] = stack[static_cast<size_t>(in.oparg - 1)];
                stack[static_cast<size_t>(in.oparg - 1)] = top;
            }
        }
        constexpr int kVisited = -1;
        int current = len - 1;
        for (int i = 0; i < depth; ++i) {
            if (stack[static_cast<size_t>(i)] == kVisited || stack[static_cast<size_t>(i)] == i) continue;
            int j = i;
            while (true) {
                if (j) {
                    Instr& in = instrs[static_cast<size_t>(base + current--)];
                    in.opcode = op(Op::SWAP);
                    in.oparg = j + 1;
                }
                if (stack[static_cast<size_t>(j)] == kVisited) break;
                int next_j = stack[static_cast<size_t>(j)];
                stack[static_cast<size_t>(j)] = kVisited;
                j = next_j;
            }
        }
        while (current >= 0) instrs[static_cast<size_t>(base + current--)].opcode = op(Op::NOP);
        ix += len - 1;
    }

    void optimize_basic_block(Block* bb) {
        Instr nop;
        nop.opcode = op(Op::NOP);
        auto& instrs = bb->instrs;
        for (int i = 0; i < static_cast<int>(instrs.size()); ++i) {
            Instr* inst = &instrs[static_cast<size_t>(i)];
            int oparg = inst->oparg;
            int nextop = i + 1 < static_cast<int>(instrs.size()) ? instrs[static_cast<size_t>(i + 1)].opcode : 0;
            Instr target_instr = nop;
            if (is_jump(*inst) || is_block_push(*inst)) {
                while (inst->target->instrs.empty()) inst->target = inst->target->next;
                target_instr = inst->target->instrs[0];
            }
            const Instr& target = target_instr;
            int opcode = inst->opcode;
            if (opcode == op(Op::LOAD_CONST)) {
                if (nextop == POP_JUMP_IF_FALSE || nextop == POP_JUMP_IF_TRUE) {
                    bool is_true = const_truthy(const_of(*inst));
                    inst->opcode = op(Op::NOP);
                    bool jump_if_true = nextop == POP_JUMP_IF_TRUE;
                    if (is_true == jump_if_true) {
                        instrs[static_cast<size_t>(i + 1)].opcode = JUMP;
                        bb->nofallthrough = true;
                    } else {
                        instrs[static_cast<size_t>(i + 1)].opcode = op(Op::NOP);
                    }
                } else if (nextop == op(Op::JUMP_IF_FALSE_OR_POP) || nextop == op(Op::JUMP_IF_TRUE_OR_POP)) {
                    bool is_true = const_truthy(const_of(*inst));
                    bool jump_if_true = nextop == op(Op::JUMP_IF_TRUE_OR_POP);
                    if (is_true == jump_if_true) {
                        instrs[static_cast<size_t>(i + 1)].opcode = JUMP;
                        bb->nofallthrough = true;
                    } else {
                        inst->opcode = op(Op::NOP);
                        instrs[static_cast<size_t>(i + 1)].opcode = op(Op::NOP);
                    }
                } else if (nextop == op(Op::IS_OP)) {
                    int jump_op = i + 2 < static_cast<int>(instrs.size()) ? instrs[static_cast<size_t>(i + 2)].opcode : 0;
                    if (const_of(*inst).kind == Constant::Kind::None &&
                        (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE)) {
                        int nextarg = instrs[static_cast<size_t>(i + 1)].oparg;
                        inst->opcode = op(Op::NOP);
                        instrs[static_cast<size_t>(i + 1)].opcode = op(Op::NOP);
                        instrs[static_cast<size_t>(i + 2)].opcode =
                            (nextarg ^ (jump_op == POP_JUMP_IF_FALSE)) ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
                    }
                }
            } else if (opcode == op(Op::BUILD_TUPLE)) {
                if (nextop == op(Op::UNPACK_SEQUENCE) && oparg == instrs[static_cast<size_t>(i + 1)].oparg) {
                    if (oparg == 1) {
                        inst->opcode = op(Op::NOP);
                        instrs[static_cast<size_t>(i + 1)].opcode = op(Op::NOP);
                        continue;
                    }
                    if (oparg == 2 || oparg == 3) {
                        inst->opcode = op(Op::NOP);
                        instrs[static_cast<size_t>(i + 1)].opcode = op(Op::SWAP);
                        continue;
                    }
                }
                if (i >= oparg) fold_tuple_on_constants(instrs, static_cast<size_t>(i), oparg);
            } else if (opcode == op(Op::JUMP_IF_FALSE_OR_POP)) {
                switch (target.opcode) {
                case POP_JUMP_IF_FALSE:
                    i -= jump_thread(*inst, target, POP_JUMP_IF_FALSE);
                    break;
                case JUMP:
                case static_cast<int>(Op::JUMP_IF_FALSE_OR_POP):
                    i -= jump_thread(*inst, target, op(Op::JUMP_IF_FALSE_OR_POP));
                    break;
                case static_cast<int>(Op::JUMP_IF_TRUE_OR_POP):
                case POP_JUMP_IF_TRUE:
                    if (inst->loc.lineno == target.loc.lineno) {
                        inst->opcode = POP_JUMP_IF_FALSE;
                        inst->target = inst->target->next;
                        --i;
                    }
                    break;
                default:
                    break;
                }
            } else if (opcode == op(Op::JUMP_IF_TRUE_OR_POP)) {
                switch (target.opcode) {
                case POP_JUMP_IF_TRUE:
                    i -= jump_thread(*inst, target, POP_JUMP_IF_TRUE);
                    break;
                case JUMP:
                case static_cast<int>(Op::JUMP_IF_TRUE_OR_POP):
                    i -= jump_thread(*inst, target, op(Op::JUMP_IF_TRUE_OR_POP));
                    break;
                case static_cast<int>(Op::JUMP_IF_FALSE_OR_POP):
                case POP_JUMP_IF_FALSE:
                    if (inst->loc.lineno == target.loc.lineno) {
                        inst->opcode = POP_JUMP_IF_TRUE;
                        inst->target = inst->target->next;
                        --i;
                    }
                    break;
                default:
                    break;
                }
            } else if (opcode == POP_JUMP_IF_NOT_NONE || opcode == POP_JUMP_IF_NONE || opcode == POP_JUMP_IF_FALSE ||
                       opcode == POP_JUMP_IF_TRUE || opcode == JUMP) {
                if (target.opcode == JUMP) i -= jump_thread(*inst, target, opcode);
            } else if (opcode == op(Op::SWAP)) {
                if (oparg == 1) {
                    inst->opcode = op(Op::NOP);
                    continue;
                }
                swaptimize(instrs, i);
                apply_static_swaps(instrs, i);
            } else if (opcode == op(Op::PUSH_NULL)) {
                if (nextop == op(Op::LOAD_GLOBAL) && (instrs[static_cast<size_t>(i + 1)].oparg & 1) == 0) {
                    inst->opcode = op(Op::NOP);
                    inst->oparg = 0;
                    instrs[static_cast<size_t>(i + 1)].oparg |= 1;
                }
            }
        }
    }
};

}  // namespace

bool is_jump(const Instr& i) { return is_jump_opcode(i.opcode); }
bool is_block_push(const Instr& i) {
    return i.opcode == SETUP_FINALLY || i.opcode == SETUP_CLEANUP || i.opcode == SETUP_WITH;
}
bool is_scope_exit(int opcode) {
    return opcode == op(Op::RETURN_VALUE) || opcode == op(Op::RAISE_VARARGS) || opcode == op(Op::RERAISE);
}

int stack_effect(int opcode, int oparg, int jump) {
    switch (opcode) {
    case SETUP_FINALLY: return jump ? 1 : 0;
    case SETUP_CLEANUP: return jump ? 2 : 0;
    case SETUP_WITH: return jump ? 1 : 0;
    case POP_BLOCK: return 0;
    case JUMP:
    case JUMP_NO_INTERRUPT: return 0;
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: return -1;
    default: break;
    }
    switch (static_cast<Op>(opcode)) {
    case Op::NOP:
    case Op::EXTENDED_ARG:
    case Op::RESUME:
    case Op::CACHE:
    case Op::SWAP:
    case Op::UNARY_POSITIVE:
    case Op::UNARY_NEGATIVE:
    case Op::UNARY_NOT:
    case Op::UNARY_INVERT:
    case Op::GET_ITER:
    case Op::SETUP_ANNOTATIONS:
    case Op::ASYNC_GEN_WRAP:
    case Op::YIELD_VALUE:
    case Op::DELETE_NAME:
    case Op::DELETE_GLOBAL:
    case Op::LOAD_ATTR:
    case Op::CHECK_EXC_MATCH:
    case Op::CHECK_EG_MATCH:
    case Op::JUMP_FORWARD:
    case Op::JUMP_BACKWARD:
    case Op::JUMP_BACKWARD_NO_INTERRUPT:
    case Op::DELETE_FAST:
    case Op::KW_NAMES:
    case Op::MAKE_CELL:
    case Op::COPY_FREE_VARS:
    case Op::DELETE_DEREF:
    case Op::GET_AWAITABLE:
    case Op::GET_AITER:
    case Op::GET_YIELD_FROM_ITER:
    case Op::LIST_TO_TUPLE:
    case Op::MATCH_CLASS:
        return 0;
    case Op::POP_TOP:
    case Op::SET_ADD:
    case Op::LIST_APPEND:
    case Op::BINARY_SUBSCR:
    case Op::PRINT_EXPR:
    case Op::RETURN_VALUE:
    case Op::IMPORT_STAR:
    case Op::POP_EXCEPT:
    case Op::STORE_NAME:
    case Op::DELETE_ATTR:
    case Op::STORE_GLOBAL:
    case Op::COMPARE_OP:
    case Op::IS_OP:
    case Op::CONTAINS_OP:
    case Op::IMPORT_NAME:
    case Op::PREP_RERAISE_STAR:
    case Op::RERAISE:
    case Op::STORE_FAST:
    case Op::STORE_DEREF:
    case Op::LIST_EXTEND:
    case Op::SET_UPDATE:
    case Op::DICT_MERGE:
    case Op::DICT_UPDATE:
    case Op::BINARY_OP:
    case Op::POP_JUMP_FORWARD_IF_FALSE:
    case Op::POP_JUMP_FORWARD_IF_TRUE:
    case Op::POP_JUMP_FORWARD_IF_NONE:
    case Op::POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op::POP_JUMP_BACKWARD_IF_FALSE:
    case Op::POP_JUMP_BACKWARD_IF_TRUE:
    case Op::POP_JUMP_BACKWARD_IF_NONE:
    case Op::POP_JUMP_BACKWARD_IF_NOT_NONE:
        return -1;
    case Op::CALL:
        return -1;
    case Op::PRECALL:
        return -oparg;
    case Op::MAP_ADD:
    case Op::DELETE_SUBSCR:
    case Op::STORE_ATTR:
    case Op::END_ASYNC_FOR:
        return -2;
    case Op::STORE_SUBSCR:
        return -3;
    // The sent value the POP_TOP after RETURN_GENERATOR discards: CPython counts the
    // prefix as balanced (co_stacksize of `def g(): yield 1` is 1).
    case Op::RETURN_GENERATOR:
    case Op::COPY:
    case Op::PUSH_NULL:
    case Op::LOAD_BUILD_CLASS:
    case Op::LOAD_CONST:
    case Op::LOAD_NAME:
    case Op::IMPORT_FROM:
    case Op::PUSH_EXC_INFO:
    case Op::WITH_EXCEPT_START:
    case Op::LOAD_FAST:
    case Op::LOAD_CLOSURE:
    case Op::LOAD_DEREF:
    case Op::LOAD_CLASSDEREF:
    case Op::BEFORE_ASYNC_WITH:
    case Op::BEFORE_WITH:
    case Op::GET_ANEXT:
    case Op::LOAD_METHOD:
    case Op::LOAD_ASSERTION_ERROR:
    case Op::GET_LEN:
    case Op::MATCH_MAPPING:
    case Op::MATCH_SEQUENCE:
        return 1;
    case Op::MATCH_KEYS:
        return 1;
    case Op::UNPACK_SEQUENCE:
        return oparg - 1;
    case Op::UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    case Op::FOR_ITER:
        return jump > 0 ? -1 : 1;
    case Op::SEND:
        return jump > 0 ? -1 : 0;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
        return 1 - oparg;
    case Op::BUILD_MAP:
        return 1 - 2 * oparg;
    case Op::BUILD_CONST_KEY_MAP:
        return -oparg;
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::JUMP_IF_FALSE_OR_POP:
        return jump ? 0 : -1;
    case Op::LOAD_GLOBAL:
        return (oparg & 1) + 1;
    case Op::RAISE_VARARGS:
        return -oparg;
    case Op::CALL_FUNCTION_EX:
        return -2 - ((oparg & 0x01) != 0);
    case Op::MAKE_FUNCTION:
        return 0 - ((oparg & 0x01) != 0) - ((oparg & 0x02) != 0) - ((oparg & 0x04) != 0) - ((oparg & 0x08) != 0);
    case Op::BUILD_SLICE:
        return oparg == 3 ? -2 : -1;
    case Op::FORMAT_VALUE:
        return (oparg & 0x04) ? -1 : 0;
    default:
        return 0;
    }
}

int instr_size(const Instr& i) {
    int oparg = i.oparg;
    int extended = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
    int caches = op_info(static_cast<unsigned char>(i.opcode)).cache_entries;
    return extended + 1 + caches;
}

// ---- normalize / extend ----

void normalize_basic_block(Block* b) {
    for (size_t i = 0; i < b->instrs.size(); ++i) {
        Instr& in = b->instrs[i];
        if (is_scope_exit(in.opcode)) {
            b->exit = true;
            b->nofallthrough = true;
        }
        if (is_jump(in)) {
            if (in.opcode == JUMP || in.opcode == JUMP_NO_INTERRUPT) b->nofallthrough = true;
            while (in.target->instrs.empty()) in.target = in.target->next;
        }
    }
}

void extend_block(Block* b) {
    if (b->instrs.empty()) return;
    Instr& last = b->instrs.back();
    if (last.opcode != JUMP) return;
    Block* target = last.target;
    if (target->exit && target->instrs.size() <= static_cast<size_t>(kMaxCopySize)) {
        // copy only blocks without line number (like implicit 'return None's)
        for (const Instr& in : target->instrs)
            if (in.loc.lineno >= 0) return;
        last.opcode = op(Op::NOP);
        std::vector<Instr> copy = target->instrs;
        b->instrs.insert(b->instrs.end(), copy.begin(), copy.end());
        b->exit = true;
    }
}

void optimize_blocks(Block* entry, std::vector<Constant>& consts) {
    Optimizer optimizer{consts};
    for (Block* b = entry; b; b = b->next) {
        optimizer.optimize_basic_block(b);
        clean_basic_block(b);
    }
}

void clean_basic_block(Block* bb) {
    std::vector<Instr>& instrs = bb->instrs;
    size_t dest = 0;
    int prev_lineno = -1;
    for (size_t src = 0; src < instrs.size(); ++src) {
        int lineno = instrs[src].loc.lineno;
        if (instrs[src].opcode == op(Op::NOP)) {
            if (lineno < 0) continue;
            if (prev_lineno == lineno) continue;
            if (src < instrs.size() - 1) {
                int next_lineno = instrs[src + 1].loc.lineno;
                if (next_lineno < 0) {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
                if (next_lineno == lineno) continue;
            } else {
                Block* next = bb->next;
                while (next && next->instrs.empty()) next = next->next;
                if (next && lineno == next->instrs[0].loc.lineno) continue;
            }
        }
        if (dest != src) instrs[dest] = instrs[src];
        ++dest;
        prev_lineno = lineno;
    }
    instrs.resize(dest);
}

void mark_reachable(Block* entry) {
    std::vector<Block*> stack;
    entry->predecessors = 1;
    stack.push_back(entry);
    while (!stack.empty()) {
        Block* b = stack.back();
        stack.pop_back();
        if (b->next && !b->nofallthrough) {
            if (b->next->predecessors == 0) stack.push_back(b->next);
            b->next->predecessors++;
        }
        for (Instr& in : b->instrs) {
            if (is_jump(in) || is_block_push(in)) {
                Block* target = in.target;
                if (target->predecessors == 0) stack.push_back(target);
                target->predecessors++;
            }
        }
    }
}

void eliminate_empty_basic_blocks(Block* entry) {
    for (Block* b = entry; b; b = b->next) {
        Block* next = b->next;
        if (next) {
            while (next->instrs.empty() && next->next) next = next->next;
            b->next = next;
        }
    }
    for (Block* b = entry; b; b = b->next) {
        if (b->instrs.empty()) continue;
        Instr& last = b->instrs.back();
        if (is_jump(last)) {
            Block* target = last.target;
            while (target->instrs.empty()) target = target->next;
            last.target = target;
        }
    }
}

bool is_exit_without_lineno(Block* b) {
    if (b->instrs.empty() || !is_scope_exit(b->instrs.back().opcode)) return false;
    for (const Instr& in : b->instrs)
        if (in.loc.lineno >= 0) return false;
    return true;
}

}  // namespace ys::compile
