// Expressions, lowest precedence first: star/named expressions, boolean and comparison
// operators, the binary operator levels, unary/power/await, primaries (attributes,
// subscripts, slices, calls and their arguments), lambda, yield, and targets.
#include <string>
#include <utility>

#include "lang/parser_impl.h"

namespace ys::parse_detail {

void set_context(Expr& e, ExprContext ctx) {
    switch (e.kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript: e.ctx = ctx; break;
        case ExprKind::Starred:
            e.ctx = ctx;
            set_context(*e.a, ctx);
            break;
        case ExprKind::List:
        case ExprKind::Tuple:
            e.ctx = ctx;
            for (auto& v : e.values) set_context(*v, ctx);
            break;
        default: break;
    }
}

bool Parser::starts_expression(size_t k) {
    const Token& t = tok(k);
    switch (t.kind) {
        case TokenKind::Name:
            switch (t.kw) {
                case Kw::None:
                case Kw::NoneKw:
                case Kw::True:
                case Kw::False:
                case Kw::Not:
                case Kw::Lambda:
                case Kw::Await:
                case Kw::Yield: return true;
                default: return false;
            }
        case TokenKind::Number:
        case TokenKind::String: return true;
        case TokenKind::Op:
            switch (t.op) {
                case Op::LPar:
                case Op::LSqb:
                case Op::LBrace:
                case Op::Minus:
                case Op::Plus:
                case Op::Tilde:
                case Op::Ellipsis:
                case Op::Star: return true;
                default: return false;
            }
        default: return false;
    }
}

ExprPtr Parser::star_expressions() {
    Pos p = start_of(tok());
    ExprPtr first = star_expression();
    if (!at_op(Op::Comma)) return first;
    auto tuple = std::make_unique<Expr>(ExprKind::Tuple, p);
    tuple->values.push_back(std::move(first));
    while (accept_op(Op::Comma)) {
        if (!starts_expression()) break;
        tuple->values.push_back(star_expression());
    }
    finish(tuple->pos);
    return tuple;
}

ExprPtr Parser::star_expression() {
    if (at_op(Op::Star)) {
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::Starred, p);
        e->a = bitwise_or();
        finish(e->pos);
        return e;
    }
    return expression();
}

ExprPtr Parser::star_named_expression() {
    if (at_op(Op::Star)) {
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::Starred, p);
        e->a = bitwise_or();
        finish(e->pos);
        return e;
    }
    return named_expression();
}

ExprPtr Parser::named_expression(bool eq_check) {
    if (at_name() && at_op(Op::ColonEqual, 1)) {
        const Token& name = advance();
        Pos p = start_of(name);
        auto target = std::make_unique<Expr>(ExprKind::Name, p);
        target->id = std::string(text(name));
        target->ctx = ExprContext::Store;
        finish(target->pos);
        advance();  // :=
        auto e = std::make_unique<Expr>(ExprKind::NamedExpr, p);
        e->a = std::move(target);
        e->b = expression();
        finish(e->pos);
        return e;
    }
    size_t start_idx = pos_;
    ExprPtr e = expression();
    if (at_op(Op::ColonEqual)) {
        error_node(*e, std::string("cannot use assignment expressions with ") + expr_name(*e));
    }
    if (eq_check && no_invalid_ == 0 && at_op(Op::Equal)) invalid_named_assignment(start_idx, *e);
    return e;
}

ExprPtr Parser::expression() {
    DepthGuard guard(*this);
    if (at_kw(Kw::Lambda)) return lambdef();
    Pos start = start_of(tok());
    size_t start_idx = pos_;
    ExprPtr body = disjunction();
    if (at_kw(Kw::If)) {
        advance();
        auto e = std::make_unique<Expr>(ExprKind::IfExp, start);
        e->b = std::move(body);
        e->a = disjunction();
        if (!accept_kw(Kw::Else)) {
            // invalid_expression: "expected 'else' after 'if' expression"
            if (no_invalid_ == 0 && !at_op(Op::Colon)) {
                error_range(e->b->pos, e->a->pos, "expected 'else' after 'if' expression");
            }
            syntax_error();
        }
        e->c = expression();
        finish(e->pos);
        return e;
    }
    if (no_invalid_ == 0) invalid_expression(start_idx, *body);
    return body;
}

ExprPtr Parser::expressions() {
    Pos start = start_of(tok());
    ExprPtr first = expression();
    if (!at_op(Op::Comma)) return first;
    auto tuple = std::make_unique<Expr>(ExprKind::Tuple, start);
    tuple->values.push_back(std::move(first));
    while (accept_op(Op::Comma)) {
        if (!starts_expression() || at_op(Op::Star)) break;
        tuple->values.push_back(expression());
    }
    finish(tuple->pos);
    return tuple;
}

ExprPtr Parser::disjunction() {
    Pos start = start_of(tok());
    ExprPtr first = conjunction();
    if (!at_kw(Kw::Or)) return first;
    auto e = std::make_unique<Expr>(ExprKind::BoolOp, start);
    e->bool_op = BoolOpKind::Or;
    e->values.push_back(std::move(first));
    while (accept_kw(Kw::Or)) e->values.push_back(conjunction());
    finish(e->pos);
    return e;
}

ExprPtr Parser::conjunction() {
    Pos start = start_of(tok());
    ExprPtr first = inversion();
    if (!at_kw(Kw::And)) return first;
    auto e = std::make_unique<Expr>(ExprKind::BoolOp, start);
    e->bool_op = BoolOpKind::And;
    e->values.push_back(std::move(first));
    while (accept_kw(Kw::And)) e->values.push_back(inversion());
    finish(e->pos);
    return e;
}

ExprPtr Parser::inversion() {
    if (at_kw(Kw::Not)) {
        DepthGuard guard(*this);
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::UnaryOp, p);
        e->unary_op = UnaryOpKind::Not;
        e->a = inversion();
        finish(e->pos);
        return e;
    }
    return comparison();
}

ExprPtr Parser::comparison() {
    Pos start = start_of(tok());
    ExprPtr left = bitwise_or();
    ExprPtr cmp;
    for (;;) {
        CmpOpKind op;
        const Token& t = tok();
        if (t.kind == TokenKind::Op) {
            switch (t.op) {
                case Op::EqEqual: op = CmpOpKind::Eq; break;
                case Op::NotEqual: op = CmpOpKind::NotEq; break;
                case Op::Less: op = CmpOpKind::Lt; break;
                case Op::LessEqual: op = CmpOpKind::LtE; break;
                case Op::Greater: op = CmpOpKind::Gt; break;
                case Op::GreaterEqual: op = CmpOpKind::GtE; break;
                default: goto done;
            }
            advance();
        } else if (t.kind == TokenKind::Name && t.kw == Kw::In) {
            op = CmpOpKind::In;
            advance();
        } else if (t.kind == TokenKind::Name && t.kw == Kw::Not && at_kw(Kw::In, 1)) {
            op = CmpOpKind::NotIn;
            advance();
            advance();
        } else if (t.kind == TokenKind::Name && t.kw == Kw::Is) {
            advance();
            if (accept_kw(Kw::Not)) op = CmpOpKind::IsNot;
            else op = CmpOpKind::Is;
        } else {
            break;
        }
        if (!cmp) {
            cmp = std::make_unique<Expr>(ExprKind::Compare, start);
            cmp->a = std::move(left);
        }
        cmp->cmp_ops.push_back(op);
        cmp->values.push_back(bitwise_or());
    }
done:
    if (cmp) {
        finish(cmp->pos);
        return cmp;
    }
    return left;
}

#define YS_BINARY_LEVEL(NAME, NEXT, ...)                                   \
    ExprPtr Parser::NAME() {                                               \
        Pos start = start_of(tok());                                       \
        ExprPtr left = NEXT();                                             \
        for (;;) {                                                         \
            const Token& t = tok();                                        \
            if (t.kind != TokenKind::Op) return left;                      \
            OperatorKind kind;                                             \
            switch (t.op) {                                                \
                __VA_ARGS__                                                \
                default: return left;                                      \
            }                                                              \
            advance();                                                     \
            link();                                                        \
            auto e = std::make_unique<Expr>(ExprKind::BinOp, start);       \
            e->op = kind;                                                  \
            e->a = std::move(left);                                        \
            e->b = NEXT();                                                 \
            finish(e->pos);                                                \
            left = std::move(e);                                           \
        }                                                                  \
    }

YS_BINARY_LEVEL(bitwise_or, bitwise_xor, case Op::VBar: kind = OperatorKind::BitOr; break;)
YS_BINARY_LEVEL(bitwise_xor, bitwise_and, case Op::Circumflex: kind = OperatorKind::BitXor; break;)
YS_BINARY_LEVEL(bitwise_and, shift_expr, case Op::Amper: kind = OperatorKind::BitAnd; break;)
YS_BINARY_LEVEL(shift_expr, sum, case Op::LeftShift: kind = OperatorKind::LShift; break;
                case Op::RightShift: kind = OperatorKind::RShift; break;)
YS_BINARY_LEVEL(sum, term, case Op::Plus: kind = OperatorKind::Add; break;
                case Op::Minus: kind = OperatorKind::Sub; break;)
YS_BINARY_LEVEL(term, factor, case Op::Star: kind = OperatorKind::Mult; break;
                case Op::Slash: kind = OperatorKind::Div; break;
                case Op::DoubleSlash: kind = OperatorKind::FloorDiv; break;
                case Op::Percent: kind = OperatorKind::Mod; break;
                case Op::At: kind = OperatorKind::MatMult; break;)
#undef YS_BINARY_LEVEL

ExprPtr Parser::factor() {
    const Token& t = tok();
    if (t.kind == TokenKind::Op && (t.op == Op::Plus || t.op == Op::Minus || t.op == Op::Tilde)) {
        DepthGuard guard(*this);
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::UnaryOp, p);
        e->unary_op = t.op == Op::Plus ? UnaryOpKind::UAdd : t.op == Op::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
        e->a = factor();
        finish(e->pos);
        return e;
    }
    return power();
}

ExprPtr Parser::power() {
    Pos start = start_of(tok());
    ExprPtr base = await_primary();
    if (at_op(Op::DoubleStar)) {
        DepthGuard guard(*this);
        advance();
        auto e = std::make_unique<Expr>(ExprKind::BinOp, start);
        e->op = OperatorKind::Pow;
        e->a = std::move(base);
        e->b = factor();
        finish(e->pos);
        return e;
    }
    return base;
}

ExprPtr Parser::await_primary() {
    if (at_kw(Kw::Await)) {
        DepthGuard guard(*this);
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::Await, p);
        e->a = primary();
        finish(e->pos);
        return e;
    }
    return primary();
}

ExprPtr Parser::primary() {
    Pos start = start_of(tok());
    ExprPtr e = atom();
    for (;; link()) {
        if (at_op(Op::Dot)) {
            advance();
            if (!at_name()) syntax_error();
            const Token& name = advance();
            auto attr = std::make_unique<Expr>(ExprKind::Attribute, start);
            attr->id = std::string(text(name));
            attr->a = std::move(e);
            finish(attr->pos);
            e = std::move(attr);
        } else if (at_op(Op::LPar)) {
            DepthGuard guard(*this);
            auto call = std::make_unique<Expr>(ExprKind::Call, start);
            call->a = std::move(e);
            call_arguments(*call);
            finish(call->pos);
            e = std::move(call);
        } else if (at_op(Op::LSqb)) {
            DepthGuard guard(*this);
            advance();
            auto sub = std::make_unique<Expr>(ExprKind::Subscript, start);
            sub->a = std::move(e);
            sub->b = slices();
            expect_op(Op::RSqb);
            finish(sub->pos);
            e = std::move(sub);
        } else {
            return e;
        }
    }
}

ExprPtr Parser::slice() {
    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    if (!at_op(Op::Colon)) {
        Pos start = start_of(tok());
        ExprPtr first = named_expression();
        if (!at_op(Op::Colon)) return first;
        if (first->kind == ExprKind::NamedExpr) syntax_error();
        auto s = std::make_unique<Expr>(ExprKind::Slice, start);
        s->a = std::move(first);
        advance();
        if (!at_op(Op::Colon) && !at_op(Op::Comma) && !at_op(Op::RSqb)) s->b = expression();
        if (accept_op(Op::Colon)) {
            if (!at_op(Op::Comma) && !at_op(Op::RSqb)) s->c = expression();
        }
        finish(s->pos);
        return s;
    }
    Pos p = start_of(advance());
    auto s = std::make_unique<Expr>(ExprKind::Slice, p);
    if (!at_op(Op::Colon) && !at_op(Op::Comma) && !at_op(Op::RSqb)) s->b = expression();
    if (accept_op(Op::Colon)) {
        if (!at_op(Op::Comma) && !at_op(Op::RSqb)) s->c = expression();
    }
    finish(s->pos);
    return s;
}

ExprPtr Parser::slices() {
    auto one = [&]() -> ExprPtr {
        if (at_op(Op::Star)) return star_expression();
        return slice();
    };
    Pos start = start_of(tok());
    ExprPtr first = one();
    if (!at_op(Op::Comma)) {
        if (first->kind == ExprKind::Starred) {
            // a[*b] is a tuple of one starred element
            auto tuple = std::make_unique<Expr>(ExprKind::Tuple, start);
            tuple->values.push_back(std::move(first));
            finish(tuple->pos);
            return tuple;
        }
        return first;
    }
    auto tuple = std::make_unique<Expr>(ExprKind::Tuple, start);
    tuple->values.push_back(std::move(first));
    while (accept_op(Op::Comma)) {
        if (at_op(Op::RSqb)) break;
        tuple->values.push_back(one());
    }
    finish(tuple->pos);
    return tuple;
}

void Parser::call_arguments(Expr& call) {
    advance();  // (
    // A lone generator expression argument: f(x for x in y) -- the genexp spans the parens.
    bool seen_keyword = false, seen_double_star = false;
    while (!at_op(Op::RPar)) {
        const Token& first = tok();
        if (at_op(Op::Star)) {
            const Token& star = advance();
            if (seen_double_star) error_token(star, "iterable argument unpacking follows keyword argument unpacking");
            Pos p = start_of(star);
            auto e = std::make_unique<Expr>(ExprKind::Starred, p);
            e->a = expression();
            finish(e->pos);
            call.values.push_back(std::move(e));
        } else if (at_op(Op::DoubleStar)) {
            Pos p = start_of(advance());
            Keyword kw;
            kw.value = expression();
            kw.pos = span_from(p);
            call.keywords.push_back(std::move(kw));
            seen_double_star = true;
        } else if (at_name() && at_op(Op::Equal, 1)) {
            const Token& name = advance();
            advance();  // =
            Keyword kw;
            kw.arg = std::string(text(name));
            kw.value = expression();
            kw.pos = span_from(start_of(name));
            call.keywords.push_back(std::move(kw));
            seen_keyword = true;
        } else {
            ExprPtr e = named_expression(false);
            if (at_op(Op::Equal) && e->kind != ExprKind::NamedExpr) {
                // invalid_kwarg
                const Token& eq = tok();
                if (e->kind == ExprKind::Constant &&
                    (e->constant.kind == ConstantValue::Kind::True || e->constant.kind == ConstantValue::Kind::False ||
                     e->constant.kind == ConstantValue::Kind::None)) {
                    error_range(e->pos, Pos{eq.lineno, eq.col, eq.end_lineno, eq.end_col},
                                std::string("cannot assign to ") + expr_name(*e));
                }
                error_range(e->pos, Pos{eq.lineno, eq.col, eq.end_lineno, eq.end_col},
                            "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (at_kw(Kw::For) || at_kw(Kw::Async)) {
                // generator expression argument
                auto gen = std::make_unique<Expr>(ExprKind::GeneratorExp, e->pos);
                gen->a = std::move(e);
                comprehension_clauses(gen->generators);
                finish(gen->pos);
                bool alone = call.values.empty() && call.keywords.empty() && at_op(Op::RPar);
                if (alone) {
                    // the genexp's span is the call's parentheses
                    // the '(' that opened this call is just before `first`
                    const Token* open = &first - 1;
                    advance();  // )
                    gen->pos.lineno = open->lineno;
                    gen->pos.col_offset = open->col;
                    finish(gen->pos);
                    call.values.push_back(std::move(gen));
                    return;
                }
                bool first_arg = call.values.empty() && call.keywords.empty();
                // invalid_arguments: only when the generator shares the call with other
                // arguments; a lone one followed by junk is a plain syntax error
                if (first_arg && !at_op(Op::Comma)) syntax_error();
                error_node(*gen, "Generator expression must be parenthesized");
            }
            if (seen_double_star) error_last("positional argument follows keyword argument unpacking");
            if (seen_keyword) error_last("positional argument follows keyword argument");
            call.values.push_back(std::move(e));
        }
        if (!accept_op(Op::Comma)) break;
    }
    if (!at_op(Op::RPar)) {
        // invalid_arguments / "Perhaps you forgot a comma?" is handled by the caller
        // rules in CPython; the common case is two expressions side by side.
        syntax_error();
    }
    advance();
}

ExprPtr Parser::lambdef() {
    Pos p = start_of(advance());
    auto e = std::make_unique<Expr>(ExprKind::Lambda, p);
    e->args = parameters(true);
    expect_op(Op::Colon);
    e->a = expression();
    finish(e->pos);
    return e;
}

ExprPtr Parser::yield_expr() {
    Pos p = start_of(advance());
    if (accept_kw(Kw::From)) {
        auto e = std::make_unique<Expr>(ExprKind::YieldFrom, p);
        e->a = expression();
        finish(e->pos);
        return e;
    }
    auto e = std::make_unique<Expr>(ExprKind::Yield, p);
    if (starts_expression() && !at_kw(Kw::Yield)) e->a = star_expressions();
    finish(e->pos);
    return e;
}

// star_targets for `for` and comprehensions: stops before `in`.
ExprPtr Parser::star_target() {
    DepthGuard guard(*this);
    if (at_op(Op::Star)) {
        Pos p = start_of(advance());
        auto e = std::make_unique<Expr>(ExprKind::Starred, p);
        e->a = star_target();
        finish(e->pos);
        return e;
    }
    // t_primary: atom followed by trailers; parenthesized targets come through atom().
    return bitwise_or();
}

ExprPtr Parser::star_targets() {
    Pos start = start_of(tok());
    ExprPtr first = star_target();
    if (!at_op(Op::Comma)) return first;
    auto tuple = std::make_unique<Expr>(ExprKind::Tuple, start);
    tuple->values.push_back(std::move(first));
    while (accept_op(Op::Comma)) {
        if (at_kw(Kw::In) || at_op(Op::Equal) || !starts_expression()) break;
        tuple->values.push_back(star_target());
    }
    finish(tuple->pos);
    return tuple;
}

}  // namespace ys::parse_detail
