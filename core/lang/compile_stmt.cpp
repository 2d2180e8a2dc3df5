// Statements: assignment, if/while/for, return/break/continue with the frame-block
// unwinding 3.11 does, raise, assert, import. try/with live in compile_try.cpp,
// def/class in compile_def.cpp.
#include "lang/compile_unit.h"

namespace ys::compile {

namespace {

int inplace_op(ast::OperatorKind k) {
    using O = ast::OperatorKind;
    switch (k) {
    case O::Add: return static_cast<int>(NbOp::NB_INPLACE_ADD);
    case O::Sub: return static_cast<int>(NbOp::NB_INPLACE_SUBTRACT);
    case O::Mult: return static_cast<int>(NbOp::NB_INPLACE_MULTIPLY);
    case O::MatMult: return static_cast<int>(NbOp::NB_INPLACE_MATRIX_MULTIPLY);
    case O::Div: return static_cast<int>(NbOp::NB_INPLACE_TRUE_DIVIDE);
    case O::Mod: return static_cast<int>(NbOp::NB_INPLACE_REMAINDER);
    case O::Pow: return static_cast<int>(NbOp::NB_INPLACE_POWER);
    case O::LShift: return static_cast<int>(NbOp::NB_INPLACE_LSHIFT);
    case O::RShift: return static_cast<int>(NbOp::NB_INPLACE_RSHIFT);
    case O::BitOr: return static_cast<int>(NbOp::NB_INPLACE_OR);
    case O::BitXor: return static_cast<int>(NbOp::NB_INPLACE_XOR);
    case O::BitAnd: return static_cast<int>(NbOp::NB_INPLACE_AND);
    case O::FloorDiv: return static_cast<int>(NbOp::NB_INPLACE_FLOOR_DIVIDE);
    }
    return 0;
}

}  // namespace

void Compiler::visit_stmt(const ast::Stmt& s) {
    using K = ast::StmtKind;
    set_loc(s.pos);
    switch (s.kind) {
    case K::FunctionDef: function_def(s, false); break;
    case K::AsyncFunctionDef: function_def(s, true); break;
    case K::ClassDef: class_def(s); break;
    case K::Return: return_stmt(s); break;
    case K::Delete:
        for (const auto& t : s.targets) visit_expr(*t);
        break;
    case K::Assign: assign(s); break;
    case K::AugAssign: augassign(s); break;
    case K::AnnAssign: annassign(s); break;
    case K::For: for_stmt(s); break;
    case K::AsyncFor: async_for(s); break;
    case K::While: while_stmt(s); break;
    case K::If: if_stmt(s); break;
    case K::Raise: raise_stmt(s); break;
    case K::Try: try_stmt(s); break;
    case K::Assert: assert_stmt(s); break;
    case K::Import: import_stmt(s); break;
    case K::ImportFrom: import_from(s); break;
    case K::Global:
    case K::Nonlocal:
        break;
    case K::Expr: stmt_expr(*s.value); break;
    case K::Pass: addop(op(Op::NOP)); break;
    case K::Break: break_stmt(); break;
    case K::Continue: continue_stmt(); break;
    case K::With: with_stmt(s, 0); break;
    case K::AsyncWith: async_with(s, 0); break;
    }
}

void Compiler::stmt_expr(const ast::Expr& value) {
    if (fold(value)) {
        addop(op(Op::NOP));
        return;
    }
    visit_expr(value);
    unset_loc();
    addop(op(Op::POP_TOP));
}

void Compiler::assign(const ast::Stmt& s) {
    visit_expr(*s.value);
    size_t n = s.targets.size();
    for (size_t i = 0; i < n; ++i) {
        if (i < n - 1) addop(op(Op::COPY), 1);
        visit_expr(*s.targets[i]);
    }
}

void Compiler::augassign(const ast::Stmt& s) {
    const ast::Expr& e = *s.target;
    Loc old = u_->loc;
    set_loc(e.pos);
    switch (e.kind) {
    case ast::ExprKind::Attribute:
        visit_expr(*e.a);
        addop(op(Op::COPY), 1);
        update_start_location_to_match_attr(e);
        addop_name(op(Op::LOAD_ATTR), e.id);
        break;
    case ast::ExprKind::Subscript:
        visit_expr(*e.a);
        visit_expr(*e.b);
        addop(op(Op::COPY), 2);
        addop(op(Op::COPY), 2);
        addop(op(Op::BINARY_SUBSCR));
        break;
    case ast::ExprKind::Name:
        nameop(e.id, ast::ExprContext::Load);
        break;
    default:
        error("'" + std::string("expression") + "' is an illegal expression for augmented assignment");
    }
    u_->loc = old;
    visit_expr(*s.value);
    addop(op(Op::BINARY_OP), inplace_op(s.op));
    set_loc(e.pos);
    switch (e.kind) {
    case ast::ExprKind::Attribute:
        update_start_location_to_match_attr(e);
        addop(op(Op::SWAP), 2);
        addop_name(op(Op::STORE_ATTR), e.id);
        break;
    case ast::ExprKind::Subscript:
        addop(op(Op::SWAP), 3);
        addop(op(Op::SWAP), 2);
        addop(op(Op::STORE_SUBSCR));
        break;
    default:
        nameop(e.id, ast::ExprContext::Store);
        break;
    }
}

void Compiler::annassign(const ast::Stmt& s) {
    const ast::Expr& targ = *s.target;
    if (s.value) {
        visit_expr(*s.value);
        visit_expr(targ);
    }
    if (targ.kind == ast::ExprKind::Name) {
        if (u_->scope_type == ScopeType::Module || u_->scope_type == ScopeType::Class) {
            visit_expr(*s.value2);
            addop_name(op(Op::LOAD_NAME), "__annotations__");
            load_const(str_const(symtable::mangle(u_->private_name, targ.id)));
            addop(op(Op::STORE_SUBSCR));
        }
    } else if (!s.value) {
        // `x.y: int` / `x[i]: int` evaluate the target's object (and index)
        if (targ.kind == ast::ExprKind::Attribute) {
            visit_expr(*targ.a);
            addop(op(Op::POP_TOP));
        } else if (targ.kind == ast::ExprKind::Subscript) {
            visit_expr(*targ.a);
            addop(op(Op::POP_TOP));
            visit_expr(*targ.b);
            addop(op(Op::POP_TOP));
        }
    }
}

void Compiler::if_stmt(const ast::Stmt& s) {
    Block* end = new_block();
    Block* next = s.orelse.empty() ? end : new_block();
    jump_if(*s.value2, next, false);
    visit_stmts(s.body);
    if (!s.orelse.empty()) {
        addop_jump_noline(JUMP, end);
        use_next_block(next);
        visit_stmts(s.orelse);
    }
    use_next_block(end);
}

void Compiler::while_stmt(const ast::Stmt& s) {
    Block* loop = new_block();
    Block* body_block = new_block();
    Block* anchor = new_block();
    Block* end = new_block();
    use_next_block(loop);
    push_fblock(FBlock{FBlockType::WhileLoop, loop, end});
    jump_if(*s.value2, anchor, false);
    use_next_block(body_block);
    visit_stmts(s.body);
    set_loc(s.pos);
    jump_if(*s.value2, body_block, true);
    pop_fblock();
    use_next_block(anchor);
    visit_stmts(s.orelse);
    use_next_block(end);
}

void Compiler::for_stmt(const ast::Stmt& s) {
    Block* start = new_block();
    Block* body_block = new_block();
    Block* cleanup = new_block();
    Block* end = new_block();
    push_fblock(FBlock{FBlockType::ForLoop, start, end});
    visit_iter(*s.value2);
    addop(op(Op::GET_ITER));
    use_next_block(start);
    addop_jump(op(Op::FOR_ITER), cleanup);
    use_next_block(body_block);
    visit_expr(*s.target);
    visit_stmts(s.body);
    unset_loc();
    addop_jump(JUMP, start);
    use_next_block(cleanup);
    pop_fblock();
    visit_stmts(s.orelse);
    use_next_block(end);
}

void Compiler::async_for(const ast::Stmt& s) {
    if (u_->scope_type != ScopeType::AsyncFunction) error("'async for' outside async function");
    Block* start = new_block();
    Block* except = new_block();
    Block* end = new_block();
    visit_expr(*s.value2);
    addop(op(Op::GET_AITER));
    use_next_block(start);
    push_fblock(FBlock{FBlockType::ForLoop, start, end});
    addop_jump(SETUP_FINALLY, except);
    addop(op(Op::GET_ANEXT));
    load_const(none_const());
    add_yield_from(true);
    addop(POP_BLOCK);
    visit_expr(*s.target);
    visit_stmts(s.body);
    unset_loc();
    addop_jump(JUMP, start);
    pop_fblock();
    use_next_block(except);
    set_loc(s.value2->pos);
    addop(op(Op::END_ASYNC_FOR));
    visit_stmts(s.orelse);
    use_next_block(end);
}

void Compiler::return_stmt(const ast::Stmt& s) {
    std::optional<Constant> value_const;
    if (s.value) value_const = fold(*s.value);
    bool preserve_tos = s.value && !value_const;
    if (u_->ste->type != symtable::BlockType::Function) error("'return' outside function");
    if (s.value && u_->ste->coroutine && u_->ste->generator) error("'return' with value in async generator");
    if (preserve_tos) {
        visit_expr(*s.value);
    } else if (s.value) {
        set_loc(s.value->pos);
        addop(op(Op::NOP));
    }
    if (!s.value || s.value->pos.lineno != s.pos.lineno) {
        set_loc(s.pos);
        addop(op(Op::NOP));
    }
    unwind_fblock_stack(preserve_tos, nullptr);
    if (!s.value) load_const(none_const());
    else if (!preserve_tos) load_const(*value_const);
    addop(op(Op::RETURN_VALUE));
}

void Compiler::break_stmt() {
    FBlock* loop = nullptr;
    addop(op(Op::NOP));
    unwind_fblock_stack(false, &loop);
    if (!loop) error("'break' outside loop");
    FBlock copy = *loop;
    unwind_fblock(copy, false);
    addop_jump(JUMP, copy.exit);
    next_block();
}

void Compiler::continue_stmt() {
    FBlock* loop = nullptr;
    addop(op(Op::NOP));
    unwind_fblock_stack(false, &loop);
    if (!loop) error("'continue' not properly in loop");
    addop_jump(JUMP, loop->block);
    next_block();
}

void Compiler::raise_stmt(const ast::Stmt& s) {
    int n = 0;
    if (s.value) {
        visit_expr(*s.value);
        ++n;
        if (s.value2) {
            visit_expr(*s.value2);
            ++n;
        }
    }
    addop(op(Op::RAISE_VARARGS), n);
    next_block();
}

void Compiler::assert_stmt(const ast::Stmt& s) {
    Block* end = new_block();
    jump_if(*s.value, end, true);
    addop(op(Op::LOAD_ASSERTION_ERROR));
    if (s.value2) {
        visit_expr(*s.value2);
        addop(op(Op::PRECALL), 0);
        addop(op(Op::CALL), 0);
    }
    addop(op(Op::RAISE_VARARGS), 1);
    use_next_block(end);
}

void Compiler::import_stmt(const ast::Stmt& s) {
    for (const auto& alias : s.names) {
        load_const(int_const(0));
        load_const(none_const());
        addop_name(op(Op::IMPORT_NAME), alias.name);
        auto dot = alias.name.find('.');
        if (!alias.asname.empty()) {
            if (dot != std::string::npos) {
                size_t pos = dot + 1;
                while (true) {
                    size_t next_dot = alias.name.find('.', pos);
                    std::string attr = alias.name.substr(pos, next_dot == std::string::npos ? std::string::npos
                                                                                             : next_dot - pos);
                    addop(op(Op::IMPORT_FROM), add_name(attr));
                    if (next_dot == std::string::npos) break;
                    addop(op(Op::SWAP), 2);
                    addop(op(Op::POP_TOP));
                    pos = next_dot + 1;
                }
                nameop(alias.asname, ast::ExprContext::Store);
                addop(op(Op::POP_TOP));
            } else {
                nameop(alias.asname, ast::ExprContext::Store);
            }
        } else {
            nameop(dot == std::string::npos ? alias.name : alias.name.substr(0, dot), ast::ExprContext::Store);
        }
    }
}

void Compiler::import_from(const ast::Stmt& s) {
    load_const(int_const(s.level));
    Constant names;
    names.kind = Constant::Kind::Tuple;
    for (const auto& alias : s.names) names.items.push_back(str_const(alias.name));
    load_const(names);
    addop_name(op(Op::IMPORT_NAME), s.name);
    for (size_t i = 0; i < s.names.size(); ++i) {
        const auto& alias = s.names[i];
        if (i == 0 && !alias.name.empty() && alias.name[0] == '*') {
            addop(op(Op::IMPORT_STAR));
            return;
        }
        addop_name(op(Op::IMPORT_FROM), alias.name);
        nameop(alias.asname.empty() ? alias.name : alias.asname, ast::ExprContext::Store);
    }
    addop(op(Op::POP_TOP));
}

}  // namespace ys::compile
