// CPython's second-pass heuristics (the invalid_* rules of Grammar/python.gram) that
// turn a plain "invalid syntax" into a specific message: "cannot assign to ...",
// "invalid syntax. Maybe you meant '==' ...", "Missing parentheses in call to ...".
#include <string>

#include "lang/parser_impl.h"

namespace ys::parse_detail {

const char* expr_name(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Attribute: return "attribute";
        case ExprKind::Subscript: return "subscript";
        case ExprKind::Starred: return "starred";
        case ExprKind::Name: return "name";
        case ExprKind::List: return "list";
        case ExprKind::Tuple: return "tuple";
        case ExprKind::Lambda: return "lambda";
        case ExprKind::Call: return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp: return "expression";
        case ExprKind::GeneratorExp: return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom: return "yield expression";
        case ExprKind::Await: return "await expression";
        case ExprKind::ListComp: return "list comprehension";
        case ExprKind::SetComp: return "set comprehension";
        case ExprKind::DictComp: return "dict comprehension";
        case ExprKind::Dict: return "dict literal";
        case ExprKind::Set: return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue: return "f-string expression";
        case ExprKind::Constant:
            switch (e.constant.kind) {
                case ConstantValue::Kind::None: return "None";
                case ConstantValue::Kind::False: return "False";
                case ConstantValue::Kind::True: return "True";
                case ConstantValue::Kind::Ellipsis: return "ellipsis";
                default: return "literal";
            }
        case ExprKind::Compare: return "comparison";
        case ExprKind::IfExp: return "conditional expression";
        case ExprKind::NamedExpr: return "named expression";
        case ExprKind::Slice: return "slice";
    }
    return "expression";
}

// _PyPegen_get_invalid_target
const Expr* invalid_target(const Expr* e, TargetsType type) {
    if (!e) return nullptr;
    switch (e->kind) {
        case ExprKind::List:
        case ExprKind::Tuple:
            for (const auto& v : e->values) {
                if (const Expr* bad = invalid_target(v.get(), type)) return bad;
            }
            return nullptr;
        case ExprKind::Starred:
            if (type == TargetsType::Del) return e;
            return invalid_target(e->a.get(), type);
        case ExprKind::Compare:
            if (type == TargetsType::For) {
                if (e->cmp_ops[0] == CmpOpKind::In) return invalid_target(e->a.get(), type);
                return nullptr;
            }
            return e;
        case ExprKind::Name:
        case ExprKind::Subscript:
        case ExprKind::Attribute: return nullptr;
        default: return e;
    }
}

// True when `e`, parsed from toks_[start_idx], is what CPython's bitwise_or rule
// matches and does not start with a list, tuple, generator expression or
// True/None/False (the look-ahead of invalid_named_expression).
bool Parser::bitwise_level(const Expr& e, size_t start_idx) const {
    switch (e.kind) {
        case ExprKind::Compare:
        case ExprKind::BoolOp:
        case ExprKind::IfExp:
        case ExprKind::Lambda:
        case ExprKind::NamedExpr:
        case ExprKind::Starred:
        case ExprKind::Yield:
        case ExprKind::YieldFrom: return false;
        case ExprKind::UnaryOp:
            if (e.unary_op == UnaryOpKind::Not) return false;
            break;
        case ExprKind::Tuple:
            return false;
        default: break;
    }
    // the leftmost atom
    const Expr* left = &e;
    for (;;) {
        if ((left->kind == ExprKind::BinOp || left->kind == ExprKind::Call || left->kind == ExprKind::Attribute ||
             left->kind == ExprKind::Subscript) && left->a) {
            left = left->a.get();
        } else {
            break;
        }
    }
    const Token& first = toks_[start_idx];
    bool at_start = left->pos.lineno == first.lineno && left->pos.col_offset == first.col;
    if (at_start) {
        if (left->kind == ExprKind::List || left->kind == ExprKind::Tuple || left->kind == ExprKind::GeneratorExp)
            return false;
        if (left->kind == ExprKind::Constant &&
            (left->constant.kind == ConstantValue::Kind::True || left->constant.kind == ConstantValue::Kind::False ||
             left->constant.kind == ConstantValue::Kind::None))
            return false;
    }
    return true;
}

// invalid_named_expression: `if x = 1:` and friends.
void Parser::invalid_named_assignment(size_t start_idx, const Expr& e) {
    bool single_name = e.kind == ExprKind::Name && pos_ == start_idx + 1;
    if (!single_name && !bitwise_level(e, start_idx)) return;
    ExprPtr rhs;
    bool ok = speculate([&] {
        advance();  // =
        rhs = bitwise_or();
        if (at_op(Op::Equal) || at_op(Op::ColonEqual)) throw Failure{};
    });
    if (!ok) return;
    if (single_name) error_range(e.pos, rhs->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    error_node(e, std::string("cannot assign to ") + expr_name(e) + " here. Maybe you meant '==' instead of '='?");
}

// invalid_expression and invalid_legacy_expression: an expression directly followed
// by another one.
void Parser::invalid_expression(size_t start_idx, const Expr& a) {
    if (!starts_expression() || at_op(Op::Star) || at_op(Op::Minus) || at_op(Op::Plus) || at_op(Op::LPar) ||
        at_op(Op::LSqb) || at_kw(Kw::Yield)) {
        return;
    }
    const Token& first = toks_[start_idx];
    std::string_view first_text = text(first);
    bool legacy = a.kind == ExprKind::Name && pos_ == start_idx + 1 && (a.id == "print" || a.id == "exec");
    bool name_string = first.kind == TokenKind::Name && first.kw == Kw::None && start_idx + 1 < toks_.size() &&
                       toks_[start_idx + 1].kind == TokenKind::String;
    bool soft_keyword = first.kind == TokenKind::Name && (first_text == "match" || first_text == "case" || first_text == "_");
    if (!name_string && !soft_keyword && !legacy) {
        ExprPtr b;
        int level = 0;
        bool ok = speculate([&] {
            b = expression();
            level = toks_[pos_ - 1].level;
        });
        if (!ok && (at(TokenKind::Name) || at(TokenKind::Number))) {
            // PEG backtracking keeps the longest prefix that parses: at least the atom
            // (`f(a g(,))` -> a and g).
            const Token& t = tok();
            b = std::make_unique<Expr>(ExprKind::Name, Pos{t.lineno, t.col, t.end_lineno, t.end_col});
            level = t.level;
            ok = true;
        }
        if (ok && level > 0) error_range(a.pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
    }
    if (legacy) {
        ExprPtr b;
        bool ok = speculate([&] { b = star_expressions(); });
        if (ok) {
            error_range(a.pos, b->pos,
                        "Missing parentheses in call to '" + a.id + "'. Did you mean " + a.id + "(...)?");
        }
    }
}

// invalid_for_target: `for` followed by something that is not a target list. CPython
// reparses it as star_expressions (where `x in y` is a comparison) and names the
// first part that cannot be assigned to; otherwise it is a plain syntax error.
void Parser::invalid_for_target(size_t target_idx) {
    size_t seen = max_seen_;
    if (no_invalid_ == 0) {
        pos_ = target_idx;
        ExprPtr a = star_expressions();
        if (const Expr* bad = invalid_target(a.get(), TargetsType::For)) {
            error_node(*bad, std::string("cannot assign to ") + expr_name(*bad));
        }
    }
    max_seen_ = seen;
    syntax_error();
}

// RAISE_SYNTAX_ERROR_STARTING_FROM('*'): from the star to where the parser stands.
void Parser::starred_dict_value() {
    const Token& star = advance();
    bitwise_or();
    const Token& last = prev();
    raise_error(make_error(star.lineno, star.col + 1, last.end_lineno, last.end_col + 1,
                           "cannot use a starred expression in a dictionary value", "SyntaxError"));
}

}  // namespace ys::parse_detail
