// try/except/finally, with/async with, and the frame-block stack that return, break
// and continue unwind through, in 3.11's zero-cost-exception shapes: SETUP_* pseudo
// instructions that the assembler turns into exception-table entries, PUSH_EXC_INFO,
// CHECK_EXC_MATCH, POP_EXCEPT, RERAISE, WITH_EXCEPT_START. Also the SEND loop shared
// by `yield from` and `await`.
#include "lang/compile_unit.h"

namespace ys::compile {

void Compiler::push_fblock(FBlock fb) {
    if (u_->fblocks.size() >= 20) error("too many statically nested blocks");
    u_->fblocks.push_back(std::move(fb));
}

void Compiler::pop_fblock() { u_->fblocks.pop_back(); }

void Compiler::pop_except_and_reraise() {
    addop(op(Op::COPY), 3);
    addop(op(Op::POP_EXCEPT));
    addop(op(Op::RERAISE), 1);
}

void Compiler::call_exit_with_nones() {
    load_const(none_const());
    load_const(none_const());
    load_const(none_const());
    addop(op(Op::PRECALL), 2);
    addop(op(Op::CALL), 2);
}

void Compiler::add_yield_from(bool await) {
    Block* start = new_block();
    Block* resume = new_block();
    Block* exit = new_block();
    use_next_block(start);
    addop_jump(op(Op::SEND), exit);
    use_next_block(resume);
    addop(op(Op::YIELD_VALUE));
    addop(op(Op::RESUME), await ? 3 : 2);
    addop_jump(JUMP_NO_INTERRUPT, start);
    use_next_block(exit);
}

void Compiler::unwind_fblock(const FBlock& info, bool preserve_tos) {
    switch (info.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::AsyncComprehensionGenerator:
        return;
    case FBlockType::ForLoop:
        if (preserve_tos) addop(op(Op::SWAP), 2);
        addop(op(Op::POP_TOP));
        return;
    case FBlockType::TryExcept:
        addop(POP_BLOCK);
        return;
    case FBlockType::FinallyTry:
        addop(POP_BLOCK);
        if (preserve_tos) push_fblock(FBlock{FBlockType::PopValue});
        visit_stmts(*info.finalbody);
        if (preserve_tos) pop_fblock();
        unset_loc();
        return;
    case FBlockType::FinallyEnd:
        if (preserve_tos) addop(op(Op::SWAP), 2);
        addop(op(Op::POP_TOP));
        if (preserve_tos) addop(op(Op::SWAP), 2);
        addop(POP_BLOCK);
        addop(op(Op::POP_EXCEPT));
        return;
    case FBlockType::With:
    case FBlockType::AsyncWith:
        set_loc(info.with->pos);
        addop(POP_BLOCK);
        if (preserve_tos) addop(op(Op::SWAP), 2);
        call_exit_with_nones();
        if (info.type == FBlockType::AsyncWith) {
            addop(op(Op::GET_AWAITABLE), 2);
            load_const(none_const());
            add_yield_from(true);
        }
        addop(op(Op::POP_TOP));
        unset_loc();
        return;
    case FBlockType::HandlerCleanup:
        if (!info.name.empty()) addop(POP_BLOCK);
        if (preserve_tos) addop(op(Op::SWAP), 2);
        addop(POP_BLOCK);
        addop(op(Op::POP_EXCEPT));
        if (!info.name.empty()) {
            load_const(none_const());
            nameop(info.name, ast::ExprContext::Store);
            nameop(info.name, ast::ExprContext::Del);
        }
        return;
    case FBlockType::PopValue:
        if (preserve_tos) addop(op(Op::SWAP), 2);
        addop(op(Op::POP_TOP));
        return;
    }
}

void Compiler::unwind_fblock_stack(bool preserve_tos, FBlock** loop) {
    if (u_->fblocks.empty()) return;
    FBlock& top = u_->fblocks.back();
    if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
        *loop = &top;
        return;
    }
    FBlock copy = top;
    u_->fblocks.pop_back();
    unwind_fblock(copy, preserve_tos);
    unwind_fblock_stack(preserve_tos, loop);
    u_->fblocks.push_back(copy);
}

void Compiler::try_stmt(const ast::Stmt& s) {
    if (!s.finalbody.empty()) try_finally(s);
    else try_except(s);
}

void Compiler::try_finally(const ast::Stmt& s) {
    Block* body_block = new_block();
    Block* end = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    addop_jump(SETUP_FINALLY, end);
    use_next_block(body_block);
    FBlock fb{FBlockType::FinallyTry, body_block, end};
    fb.finalbody = &s.finalbody;
    push_fblock(fb);
    if (!s.handlers.empty()) try_except(s);
    else visit_stmts(s.body);
    addop_noline(POP_BLOCK);
    pop_fblock();
    visit_stmts(s.finalbody);
    addop_jump_noline(JUMP, exit);
    use_next_block(end);
    unset_loc();
    addop_jump(SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    push_fblock(FBlock{FBlockType::FinallyEnd, end});
    visit_stmts(s.finalbody);
    pop_fblock();
    addop(op(Op::RERAISE), 0);
    use_next_block(cleanup);
    pop_except_and_reraise();
    use_next_block(exit);
}

void Compiler::try_except(const ast::Stmt& s) {
    Block* body_block = new_block();
    Block* except = new_block();
    Block* end = new_block();
    Block* cleanup = new_block();
    addop_jump(SETUP_FINALLY, except);
    use_next_block(body_block);
    push_fblock(FBlock{FBlockType::TryExcept, body_block});
    visit_stmts(s.body);
    pop_fblock();
    addop_noline(POP_BLOCK);
    visit_stmts(s.orelse);
    addop_jump_noline(JUMP, end);
    size_t n = s.handlers.size();
    use_next_block(except);
    unset_loc();
    addop_jump(SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    push_fblock(FBlock{FBlockType::ExceptionHandler});
    for (size_t i = 0; i < n; ++i) {
        const ast::ExceptHandler& handler = s.handlers[i];
        set_loc(handler.pos);
        if (!handler.type && i < n - 1) error("default 'except:' must be last");
        except = new_block();
        if (handler.type) {
            visit_expr(*handler.type);
            addop(op(Op::CHECK_EXC_MATCH));
            addop_jump(POP_JUMP_IF_FALSE, except);
            next_block();
        }
        if (!handler.name.empty()) {
            Block* cleanup_end = new_block();
            Block* cleanup_body = new_block();
            nameop(handler.name, ast::ExprContext::Store);
            addop_jump(SETUP_CLEANUP, cleanup_end);
            use_next_block(cleanup_body);
            FBlock fb{FBlockType::HandlerCleanup, cleanup_body};
            fb.name = handler.name;
            push_fblock(fb);
            visit_stmts(handler.body);
            pop_fblock();
            unset_loc();
            addop(POP_BLOCK);
            addop(POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            load_const(none_const());
            nameop(handler.name, ast::ExprContext::Store);
            nameop(handler.name, ast::ExprContext::Del);
            addop_jump(JUMP, end);
            next_block();
            use_next_block(cleanup_end);
            unset_loc();
            load_const(none_const());
            nameop(handler.name, ast::ExprContext::Store);
            nameop(handler.name, ast::ExprContext::Del);
            addop(op(Op::RERAISE), 1);
            next_block();
        } else {
            Block* cleanup_body = new_block();
            addop(op(Op::POP_TOP));
            use_next_block(cleanup_body);
            push_fblock(FBlock{FBlockType::HandlerCleanup, cleanup_body});
            visit_stmts(handler.body);
            pop_fblock();
            unset_loc();
            addop(POP_BLOCK);
            addop(op(Op::POP_EXCEPT));
            addop_jump(JUMP, end);
            next_block();
        }
        use_next_block(except);
    }
    unset_loc();
    pop_fblock();
    addop(op(Op::RERAISE), 0);
    next_block();
    use_next_block(cleanup);
    pop_except_and_reraise();
    next_block();
    use_next_block(end);
}

void Compiler::with_except_finish(Block* cleanup) {
    unset_loc();
    Block* exit = new_block();
    addop_jump(POP_JUMP_IF_TRUE, exit);
    next_block();
    addop(op(Op::RERAISE), 2);
    next_block();
    use_next_block(cleanup);
    pop_except_and_reraise();
    next_block();
    use_next_block(exit);
    addop(op(Op::POP_TOP));
    addop(POP_BLOCK);
    addop(op(Op::POP_EXCEPT));
    addop(op(Op::POP_TOP));
    addop(op(Op::POP_TOP));
}

void Compiler::with_stmt(const ast::Stmt& s, size_t pos) {
    const ast::WithItem& item = s.items[pos];
    Block* block = new_block();
    Block* final = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    visit_expr(*item.context_expr);
    addop(op(Op::BEFORE_WITH));
    addop_jump(SETUP_WITH, final);
    use_next_block(block);
    FBlock fb{FBlockType::With, block, final};
    fb.with = &s;
    push_fblock(fb);
    if (item.optional_vars) visit_expr(*item.optional_vars);
    else addop(op(Op::POP_TOP));
    ++pos;
    if (pos == s.items.size()) visit_stmts(s.body);
    else with_stmt(s, pos);
    unset_loc();
    addop(POP_BLOCK);
    pop_fblock();
    set_loc(s.pos);
    call_exit_with_nones();
    addop(op(Op::POP_TOP));
    addop_jump(JUMP, exit);
    next_block();
    use_next_block(final);
    addop_jump(SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    addop(op(Op::WITH_EXCEPT_START));
    with_except_finish(cleanup);
    use_next_block(exit);
}

void Compiler::async_with(const ast::Stmt& s, size_t pos) {
    if (u_->scope_type != ScopeType::AsyncFunction) error("'async with' outside async function");
    const ast::WithItem& item = s.items[pos];
    Block* block = new_block();
    Block* final = new_block();
    Block* exit = new_block();
    Block* cleanup = new_block();
    visit_expr(*item.context_expr);
    addop(op(Op::BEFORE_ASYNC_WITH));
    addop(op(Op::GET_AWAITABLE), 1);
    load_const(none_const());
    add_yield_from(true);
    addop_jump(SETUP_WITH, final);
    use_next_block(block);
    FBlock fb{FBlockType::AsyncWith, block, final};
    fb.with = &s;
    push_fblock(fb);
    if (item.optional_vars) visit_expr(*item.optional_vars);
    else addop(op(Op::POP_TOP));
    ++pos;
    if (pos == s.items.size()) visit_stmts(s.body);
    else async_with(s, pos);
    pop_fblock();
    addop(POP_BLOCK);
    set_loc(s.pos);
    call_exit_with_nones();
    addop(op(Op::GET_AWAITABLE), 2);
    load_const(none_const());
    add_yield_from(true);
    addop(op(Op::POP_TOP));
    addop_jump(JUMP, exit);
    next_block();
    use_next_block(final);
    addop_jump(SETUP_CLEANUP, cleanup);
    addop(op(Op::PUSH_EXC_INFO));
    addop(op(Op::WITH_EXCEPT_START));
    addop(op(Op::GET_AWAITABLE), 2);
    load_const(none_const());
    add_yield_from(true);
    with_except_finish(cleanup);
    use_next_block(exit);
}

}  // namespace ys::compile
