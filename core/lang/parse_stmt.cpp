// Statements: simple statements and assignments, blocks, compound statements
// (if/while/for/with/try), function and class definitions, decorators, imports.
#include <string>
#include <utility>

#include "lang/parser_impl.h"

namespace ys::parse_detail {

namespace {

bool is_augassign(Op op, OperatorKind* kind) {
    switch (op) {
        case Op::PlusEqual: *kind = OperatorKind::Add; return true;
        case Op::MinEqual: *kind = OperatorKind::Sub; return true;
        case Op::StarEqual: *kind = OperatorKind::Mult; return true;
        case Op::AtEqual: *kind = OperatorKind::MatMult; return true;
        case Op::SlashEqual: *kind = OperatorKind::Div; return true;
        case Op::PercentEqual: *kind = OperatorKind::Mod; return true;
        case Op::AmperEqual: *kind = OperatorKind::BitAnd; return true;
        case Op::VBarEqual: *kind = OperatorKind::BitOr; return true;
        case Op::CircumflexEqual: *kind = OperatorKind::BitXor; return true;
        case Op::LeftShiftEqual: *kind = OperatorKind::LShift; return true;
        case Op::RightShiftEqual: *kind = OperatorKind::RShift; return true;
        case Op::DoubleStarEqual: *kind = OperatorKind::Pow; return true;
        case Op::DoubleSlashEqual: *kind = OperatorKind::FloorDiv; return true;
        default: return false;
    }
}

}  // namespace

Module Parser::parse_file() {
    Module m;
    try {
        while (at(TokenKind::Newline)) advance();
        statements(m.body);
        if (!at(TokenKind::EndMarker)) syntax_error();
    } catch (Failure&) {
        throw;
    }
    return m;
}

void Parser::statements(StmtList& out) {
    for (;;) {
        const Token& t = tok();
        if (t.kind == TokenKind::EndMarker || t.kind == TokenKind::Dedent) return;
        statement(out);
    }
}

void Parser::statement(StmtList& out) {
    DepthGuard guard(*this);
    links_ = 0;
    const Token& t = tok();
    if (t.kind == TokenKind::Name) {
        switch (t.kw) {
            case Kw::If: out.push_back(if_stmt(false)); return;
            case Kw::While: out.push_back(while_stmt()); return;
            case Kw::For: out.push_back(for_stmt(nullptr)); return;
            case Kw::With: out.push_back(with_stmt(nullptr)); return;
            case Kw::Try: out.push_back(try_stmt()); return;
            case Kw::Def: out.push_back(funcdef({}, nullptr)); return;
            case Kw::Class: out.push_back(classdef({})); return;
            case Kw::Async: {
                const Token& next = tok(1);
                if (next.kw == Kw::Def) {
                    advance();
                    out.push_back(funcdef({}, &t));
                    return;
                }
                if (next.kw == Kw::For) {
                    advance();
                    out.push_back(for_stmt(&t));
                    return;
                }
                if (next.kw == Kw::With) {
                    advance();
                    out.push_back(with_stmt(&t));
                    return;
                }
                syntax_error();
            }
            default: break;
        }
    } else if (t.kind == TokenKind::Op && t.op == Op::At) {
        out.push_back(decorated());
        return;
    } else if (t.kind == TokenKind::Indent) {
        syntax_error();
    }
    simple_stmts(out);
}

void Parser::simple_stmts(StmtList& out) {
    for (;;) {
        out.push_back(simple_stmt());
        if (accept_op(Op::Semi)) {
            if (at(TokenKind::Newline)) break;
            continue;
        }
        break;
    }
    if (!at(TokenKind::Newline)) syntax_error();
    advance();
}

StmtPtr Parser::simple_stmt() {
    const Token& t = tok();
    Pos p = start_of(t);
    if (t.kind == TokenKind::Name) {
        switch (t.kw) {
            case Kw::Pass:
            case Kw::Break:
            case Kw::Continue: {
                advance();
                auto s = std::make_unique<Stmt>(t.kw == Kw::Pass ? StmtKind::Pass
                                                : t.kw == Kw::Break ? StmtKind::Break
                                                                    : StmtKind::Continue,
                                                p);
                finish(s->pos);
                return s;
            }
            case Kw::Return: {
                advance();
                auto s = std::make_unique<Stmt>(StmtKind::Return, p);
                if (starts_expression()) s->value = star_expressions();
                finish(s->pos);
                return s;
            }
            case Kw::Raise: {
                advance();
                auto s = std::make_unique<Stmt>(StmtKind::Raise, p);
                if (starts_expression()) {
                    s->value = expression();
                    if (accept_kw(Kw::From)) s->value2 = expression();
                }
                finish(s->pos);
                return s;
            }
            case Kw::Global:
            case Kw::Nonlocal: {
                advance();
                auto s = std::make_unique<Stmt>(t.kw == Kw::Global ? StmtKind::Global : StmtKind::Nonlocal, p);
                do {
                    if (!at_name()) syntax_error();
                    s->identifiers.emplace_back(text(advance()));
                } while (accept_op(Op::Comma));
                finish(s->pos);
                return s;
            }
            case Kw::Del: {
                advance();
                auto s = std::make_unique<Stmt>(StmtKind::Delete, p);
                // del_targets: ','.del_target+ [',']
                for (;;) {
                    ExprPtr target = bitwise_or();
                    if (const Expr* bad = invalid_target(target.get(), TargetsType::Del)) {
                        error_node(*bad, std::string("cannot delete ") + expr_name(*bad));
                    }
                    set_context(*target, ExprContext::Del);
                    s->targets.push_back(std::move(target));
                    if (!accept_op(Op::Comma)) break;
                    if (!starts_expression() || at_op(Op::Star)) break;
                }
                if (!at_op(Op::Semi) && !at(TokenKind::Newline)) syntax_error();
                finish(s->pos);
                return s;
            }
            case Kw::Assert: {
                advance();
                auto s = std::make_unique<Stmt>(StmtKind::Assert, p);
                s->value = expression();
                if (accept_op(Op::Comma)) s->value2 = expression();
                finish(s->pos);
                return s;
            }
            case Kw::Import: return import_stmt();
            case Kw::From: return from_stmt();
            default: break;
        }
    }
    return expr_or_assign_stmt();
}

StmtPtr Parser::expr_or_assign_stmt() {
    const Token& first_tok = tok();
    size_t start_idx = pos_;
    Pos p = start_of(first_tok);
    bool rhs_is_yield = false;  // the last value parsed was an unparenthesized yield
    auto rhs = [&]() -> ExprPtr {
        rhs_is_yield = at_kw(Kw::Yield);
        if (rhs_is_yield) return yield_expr();
        return star_expressions();
    };
    ExprPtr first = rhs();

    // Annotated assignment: target ':' expression ['=' annotated_rhs]. CPython's
    // invalid_assignment alternatives need the annotation to be there.
    if (at_op(Op::Colon) && (first->kind == ExprKind::Name || first->kind == ExprKind::Attribute ||
                             first->kind == ExprKind::Subscript ||
                             speculate([&] {
                                 advance();
                                 expression();
                             }))) {
        if (first->kind == ExprKind::Tuple) {
            bool parenthesized = !first->values.empty() && (first->values[0]->pos.col_offset != first->pos.col_offset ||
                                                             first->values[0]->pos.lineno != first->pos.lineno);
            if (first->values.empty()) parenthesized = true;
            error_node(parenthesized ? *first : *first->values[0], "only single target (not tuple) can be annotated");
        }
        if (first->kind == ExprKind::List) error_node(*first, "only single target (not list) can be annotated");
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript) {
            error_node(*first, "illegal target for annotation");
        }
        advance();
        auto s = std::make_unique<Stmt>(StmtKind::AnnAssign, p);
        set_context(*first, ExprContext::Store);
        s->target = std::move(first);
        s->value2 = expression();
        if (accept_op(Op::Equal)) s->value = rhs();
        finish(s->pos);
        return s;
    }

    OperatorKind aug;
    if (at(TokenKind::Op) && is_augassign(tok().op, &aug)) {
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript) {
            error_node(*first, std::string("'") + expr_name(*first) + "' is an illegal expression for augmented assignment");
        }
        advance();
        auto s = std::make_unique<Stmt>(StmtKind::AugAssign, p);
        s->op = aug;
        set_context(*first, ExprContext::Store);
        s->target = std::move(first);
        s->value = rhs();
        finish(s->pos);
        return s;
    }

    if (at_op(Op::Equal)) {
        auto s = std::make_unique<Stmt>(StmtKind::Assign, p);
        ExprPtr value = std::move(first);
        while (at_op(Op::Equal)) {
            // the value before this '=' is a target after all
            const Expr* bad = rhs_is_yield ? value.get() : invalid_target(value.get(), TargetsType::Star);
            if (bad) {
                // invalid_named_expression, tried first by CPython: `f() = 1`
                if (s->targets.empty() && !rhs_is_yield && bitwise_level(*value, start_idx)) {
                    bool simple_rhs = speculate([&] {
                        advance();  // =
                        bitwise_or();
                        if (at_op(Op::Equal) || at_op(Op::ColonEqual)) throw Failure{};
                    });
                    if (simple_rhs) {
                        error_node(*value, std::string("cannot assign to ") + expr_name(*value) +
                                               " here. Maybe you meant '==' instead of '='?");
                    }
                }
                if (rhs_is_yield) error_node(*value, "assignment to yield expression not possible");
                error_node(*bad, std::string("cannot assign to ") + expr_name(*bad));
            }
            advance();  // =
            set_context(*value, ExprContext::Store);
            s->targets.push_back(std::move(value));
            value = rhs();
        }
        s->value = std::move(value);
        finish(s->pos);
        return s;
    }

    if (!at(TokenKind::Newline) && !at_op(Op::Semi)) syntax_error();
    auto s = std::make_unique<Stmt>(StmtKind::Expr, p);
    s->value = std::move(first);
    finish(s->pos);
    return s;
}

void Parser::block(StmtList& out, const std::string& what, int line) {
    if (at(TokenKind::Newline)) {
        advance();
        if (!at(TokenKind::Indent)) {
            error_last("expected an indented block after " + what + " on line " + std::to_string(line),
                       "IndentationError");
        }
        advance();
        statements(out);
        if (at(TokenKind::Dedent)) advance();
        else syntax_error();
        return;
    }
    simple_stmts(out);
}

// The ':' after a compound statement header. A NEWLINE where it should be gives
// "expected ':'"; anything else is a plain syntax error.
#define YS_EXPECT_COLON()                                                     \
    do {                                                                      \
        if (!accept_op(Op::Colon)) {                                          \
            if (at(TokenKind::Newline)) error_last("expected ':'");           \
            syntax_error();                                                   \
        }                                                                     \
    } while (0)

StmtPtr Parser::if_stmt(bool elif) {
    const Token& kw = advance();
    Pos p = start_of(kw);
    auto s = std::make_unique<Stmt>(StmtKind::If, p);
    s->value2 = named_expression();
    YS_EXPECT_COLON();
    block(s->body, elif ? "'elif' statement" : "'if' statement", kw.lineno);
    if (at_kw(Kw::Elif)) {
        s->orelse.push_back(if_stmt(true));
    } else if (at_kw(Kw::Else)) {
        const Token& e = advance();
        expect_forced(Op::Colon);
        block(s->orelse, "'else' statement", e.lineno);
    }
    finish(s->pos);
    return s;
}

StmtPtr Parser::while_stmt() {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::While, start_of(kw));
    s->value2 = named_expression();
    YS_EXPECT_COLON();
    block(s->body, "'while' statement", kw.lineno);
    if (at_kw(Kw::Else)) {
        const Token& e = advance();
        expect_forced(Op::Colon);
        block(s->orelse, "'else' statement", e.lineno);
    }
    finish(s->pos);
    return s;
}

StmtPtr Parser::for_stmt(const Token* async_tok) {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(async_tok ? StmtKind::AsyncFor : StmtKind::For,
                                    start_of(async_tok ? *async_tok : kw));
    size_t target_idx = pos_;
    s->target = star_targets();
    if (!accept_kw(Kw::In) || invalid_target(s->target.get(), TargetsType::For)) {
        invalid_for_target(target_idx);
    }
    set_context(*s->target, ExprContext::Store);
    s->value2 = star_expressions();
    YS_EXPECT_COLON();
    block(s->body, "'for' statement", kw.lineno);
    if (at_kw(Kw::Else)) {
        const Token& e = advance();
        expect_forced(Op::Colon);
        block(s->orelse, "'else' statement", e.lineno);
    }
    finish(s->pos);
    return s;
}

StmtPtr Parser::with_stmt(const Token* async_tok) {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(async_tok ? StmtKind::AsyncWith : StmtKind::With,
                                    start_of(async_tok ? *async_tok : kw));
    auto item = [&]() {
        WithItem w;
        w.context_expr = expression();
        if (accept_kw(Kw::As)) {
            w.optional_vars = star_target();
            if (const Expr* bad = invalid_target(w.optional_vars.get(), TargetsType::Star)) {
                error_node(*bad, std::string("cannot assign to ") + expr_name(*bad));
            }
            set_context(*w.optional_vars, ExprContext::Store);
        }
        s->items.push_back(std::move(w));
    };
    bool done = false;
    if (at_op(Op::LPar)) {
        // with (a as b, c as d): -- try the parenthesized form first
        size_t save = pos_;
        try {
            advance();
            for (;;) {
                item();
                if (!accept_op(Op::Comma)) break;
                if (at_op(Op::RPar)) break;
            }
            expect_op(Op::RPar);
            if (!at_op(Op::Colon)) throw Failure{};
            done = true;
        } catch (Failure&) {
            if (fatal_) throw;
            pos_ = save;
            s->items.clear();
        }
    }
    if (!done) {
        for (;;) {
            item();
            if (!accept_op(Op::Comma)) break;
        }
    }
    YS_EXPECT_COLON();
    block(s->body, "'with' statement", kw.lineno);
    finish(s->pos);
    return s;
}

StmtPtr Parser::try_stmt() {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::Try, start_of(kw));
    expect_forced(Op::Colon);
    block(s->body, "'try' statement", kw.lineno);
    while (at_kw(Kw::Except)) {
        const Token& ex = advance();
        ExceptHandler h;
        Pos hp = start_of(ex);
        if (!at_op(Op::Colon)) {
            h.type = expression();
            if (at_op(Op::Comma)) {
                // except A, B: -> "multiple exception types must be parenthesized"
                const Expr& first = *h.type;
                advance();
                ExprPtr rest = expressions();
                (void)rest;
                if (at_op(Op::Colon) || at_kw(Kw::As)) {
                    error_range(first.pos, rest->pos, "multiple exception types must be parenthesized");
                }
                syntax_error();
            }
            if (accept_kw(Kw::As)) {
                if (!at_name()) syntax_error();
                h.name = std::string(text(advance()));
            }
        }
        YS_EXPECT_COLON();
        block(h.body, "'except' statement", ex.lineno);
        h.pos = span_from(hp);
        s->handlers.push_back(std::move(h));
    }
    if (at_kw(Kw::Else)) {
        if (s->handlers.empty()) syntax_error();
        const Token& e = advance();
        expect_forced(Op::Colon);
        block(s->orelse, "'else' statement", e.lineno);
    }
    if (at_kw(Kw::Finally)) {
        const Token& f = advance();
        expect_forced(Op::Colon);
        block(s->finalbody, "'finally' statement", f.lineno);
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
        // invalid_try_stmt
        error_last("expected 'except' or 'finally' block");
    }
    finish(s->pos);
    return s;
}

std::unique_ptr<Arguments> Parser::parameters(bool lambda) {
    auto args = std::make_unique<Arguments>();
    Op close = lambda ? Op::Colon : Op::RPar;
    bool seen_default = false;
    bool seen_star = false;
    auto param = [&]() -> Arg {
        if (!at_name()) syntax_error();
        const Token& name = advance();
        Arg a;
        a.arg = std::string(text(name));
        Pos p = start_of(name);
        if (!lambda && accept_op(Op::Colon)) {
            ExprPtr annotation = expression();  // parsed, not kept (ast::Arg has no annotation)
        }
        a.pos = span_from(p);
        return a;
    };
    while (!at_op(close)) {
        if (at_op(Op::Slash)) {
            const Token& slash = advance();
            if (seen_star || !args->posonlyargs.empty() || args->args.empty()) {
                if (args->args.empty() && args->posonlyargs.empty() && !seen_star) {
                    error_token(slash, "at least one argument must precede /");
                }
                if (seen_star) error_token(slash, "/ must be ahead of *");
                error_token(slash, "/ may appear only once");
            }
            args->posonlyargs = std::move(args->args);
            args->args.clear();
        } else if (at_op(Op::Star)) {
            const Token& star = advance();
            if (seen_star) error_token(star, "* argument may appear only once");
            seen_star = true;
            if (at_op(Op::Comma)) {
                if (at_op(close, 1) || at_op(Op::DoubleStar, 1)) {
                    error_token(star, "named arguments must follow bare *");
                }
            } else if (at_op(close)) {
                error_token(star, "named arguments must follow bare *");
            } else {
                args->vararg = std::make_unique<Arg>(param());
                if (at_op(Op::Equal)) {
                    const Token& eq = tok();
                    error_token(eq, "var-positional argument cannot have default value");
                }
            }
        } else if (at_op(Op::DoubleStar)) {
            advance();
            args->kwarg = std::make_unique<Arg>(param());
            if (at_op(Op::Equal)) error_token(tok(), "var-keyword argument cannot have default value");
            if (at_op(Op::Comma) && !at_op(close, 1)) {
                advance();
                const Token& after = tok();
                error_token(after, "arguments cannot follow var-keyword argument");
            }
        } else {
            Arg a = param();
            ExprPtr def;
            if (accept_op(Op::Equal)) def = expression();
            if (seen_star) {
                args->kwonlyargs.push_back(std::move(a));
                args->kw_defaults.push_back(std::move(def));
            } else {
                if (def) {
                    seen_default = true;
                    args->defaults.push_back(std::move(def));
                } else if (seen_default) {
                    error_known(a.pos.lineno, a.pos.col_offset, a.pos.end_lineno, a.pos.end_col_offset,
                                "non-default argument follows default argument");
                }
                args->args.push_back(std::move(a));
            }
        }
        if (!accept_op(Op::Comma)) break;
    }
    return args;
}

StmtPtr Parser::funcdef(ExprList decorators, const Token* async_tok) {
    const Token& kw = advance();  // def
    auto s = std::make_unique<Stmt>(async_tok ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef,
                                    start_of(async_tok ? *async_tok : kw));
    if (!at_name()) syntax_error();
    s->name = std::string(text(advance()));
    expect_forced(Op::LPar);
    s->args = parameters(false);
    expect_op(Op::RPar);
    if (at_op(Op::RArrow)) {
        // ['->' expression]: an optional part, so when the expression is not there the
        // arrow is left alone and the forced ':' below reports it.
        bool has_returns = speculate([&] {
            advance();
            expression();
        });
        if (has_returns) {
            advance();
            ExprPtr returns = expression();  // parsed, not kept (ast has no `returns`)
        }
    }
    expect_forced(Op::Colon);
    block(s->body, "function definition", kw.lineno);
    s->decorator_list = std::move(decorators);
    finish(s->pos);
    return s;
}

StmtPtr Parser::classdef(ExprList decorators) {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::ClassDef, start_of(kw));
    if (!at_name()) syntax_error();
    s->name = std::string(text(advance()));
    if (at_op(Op::LPar)) {
        Expr call(ExprKind::Call, Pos{});
        call_arguments(call);
        s->bases = std::move(call.values);
        s->keywords = std::move(call.keywords);
    }
    YS_EXPECT_COLON();
    block(s->body, "class definition", kw.lineno);
    s->decorator_list = std::move(decorators);
    finish(s->pos);
    return s;
}

StmtPtr Parser::decorated() {
    ExprList decorators;
    while (accept_op(Op::At)) {
        decorators.push_back(named_expression());
        if (!at(TokenKind::Newline)) syntax_error();
        advance();
    }
    if (at_kw(Kw::Def)) return funcdef(std::move(decorators), nullptr);
    if (at_kw(Kw::Class)) return classdef(std::move(decorators));
    if (at_kw(Kw::Async) && at_kw(Kw::Def, 1)) {
        const Token& a = advance();
        return funcdef(std::move(decorators), &a);
    }
    syntax_error();
}

std::string Parser::dotted_name() {
    if (!at_name()) syntax_error();
    std::string name(text(advance()));
    while (accept_op(Op::Dot)) {
        if (!at_name()) syntax_error();
        name += ".";
        name += text(advance());
    }
    return name;
}

StmtPtr Parser::import_stmt() {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::Import, start_of(kw));
    do {
        Alias a;
        Pos p = start_of(tok());
        a.name = dotted_name();
        if (accept_kw(Kw::As)) {
            if (!at_name()) syntax_error();
            a.asname = std::string(text(advance()));
        }
        a.pos = span_from(p);
        s->names.push_back(std::move(a));
    } while (accept_op(Op::Comma));
    finish(s->pos);
    return s;
}

StmtPtr Parser::from_stmt() {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::ImportFrom, start_of(kw));
    int level = 0;
    for (;;) {
        if (accept_op(Op::Dot)) ++level;
        else if (accept_op(Op::Ellipsis)) level += 3;
        else break;
    }
    if (!at_kw(Kw::Import)) s->name = dotted_name();
    else if (level == 0) syntax_error();
    if (!accept_kw(Kw::Import)) syntax_error();
    s->level = level;
    if (at_op(Op::Star)) {
        const Token& star = advance();
        Alias a;
        a.name = "*";
        a.pos = Pos{star.lineno, star.col, star.end_lineno, star.end_col};
        s->names.push_back(std::move(a));
        finish(s->pos);
        return s;
    }
    bool paren = accept_op(Op::LPar);
    for (;;) {
        if (!at_name()) syntax_error();
        const Token& name = advance();
        Alias a;
        a.name = std::string(text(name));
        if (accept_kw(Kw::As)) {
            if (!at_name()) syntax_error();
            a.asname = std::string(text(advance()));
        }
        a.pos = span_from(start_of(name));
        s->names.push_back(std::move(a));
        if (!accept_op(Op::Comma)) break;
        if (paren && at_op(Op::RPar)) break;
        if (!paren && at(TokenKind::Newline)) {
            error_last("trailing comma not allowed without surrounding parentheses");
        }
    }
    if (paren) expect_op(Op::RPar);
    finish(s->pos);
    return s;
}

}  // namespace ys::parse_detail
