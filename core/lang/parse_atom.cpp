// Atoms: names, literals, parenthesized forms, list/set/dict displays and their
// comprehensions, and the concatenation of adjacent string tokens (f-string bodies are
// split in parse_fstring.cpp; escapes and numbers are decoded in parse_literal.cpp).
#include <string>
#include <utility>

#include "lang/parser_impl.h"

namespace ys::parse_detail {

namespace {

struct StringPrefix {
    bool raw = false, bytes = false, fstr = false;
    size_t prefix_len = 0;
    int quote_size = 1;
};

StringPrefix string_prefix(std::string_view t) {
    StringPrefix p;
    size_t i = 0;
    while (i < t.size() && t[i] != '\'' && t[i] != '"') {
        char c = static_cast<char>(t[i] | 0x20);
        if (c == 'r') p.raw = true;
        if (c == 'b') p.bytes = true;
        if (c == 'f') p.fstr = true;
        ++i;
    }
    p.prefix_len = i;
    if (t.size() >= i + 6 && t[i] == t[i + 1] && t[i] == t[i + 2]) p.quote_size = 3;
    return p;
}

}  // namespace

void Parser::comprehension_clauses(std::vector<Comprehension>& out) {
    while (at_kw(Kw::For) || (at_kw(Kw::Async) && at_kw(Kw::For, 1))) {
        Comprehension c;
        if (accept_kw(Kw::Async)) c.is_async = true;
        advance();  // for
        size_t target_idx = pos_;
        c.target = star_targets();
        if (!accept_kw(Kw::In) || invalid_target(c.target.get(), TargetsType::For)) {
            invalid_for_target(target_idx);
        }
        set_context(*c.target, ExprContext::Store);
        c.iter = disjunction();
        while (accept_kw(Kw::If)) c.ifs.push_back(disjunction());
        out.push_back(std::move(c));
    }
}

ExprPtr Parser::paren_or_tuple() {
    DepthGuard guard(*this);
    const Token& open = advance();
    Pos p = start_of(open);
    if (accept_op(Op::RPar)) {
        auto e = std::make_unique<Expr>(ExprKind::Tuple, p);
        finish(e->pos);
        return e;
    }
    if (at_kw(Kw::Yield)) {
        ExprPtr y = yield_expr();
        expect_op(Op::RPar);
        return y;
    }
    ExprPtr first = star_named_expression();
    if (at_kw(Kw::For) || (at_kw(Kw::Async) && at_kw(Kw::For, 1))) {
        auto gen = std::make_unique<Expr>(ExprKind::GeneratorExp, p);
        gen->a = std::move(first);
        comprehension_clauses(gen->generators);
        expect_op(Op::RPar);
        finish(gen->pos);
        return gen;
    }
    if (accept_op(Op::RPar)) {
        if (first->kind == ExprKind::Starred) {
            error_node(*first, "cannot use starred expression here");
        }
        return first;  // a group keeps the inner node's position
    }
    if (!at_op(Op::Comma)) syntax_error();
    auto tuple = std::make_unique<Expr>(ExprKind::Tuple, p);
    tuple->values.push_back(std::move(first));
    while (accept_op(Op::Comma)) {
        if (at_op(Op::RPar)) break;
        tuple->values.push_back(star_named_expression());
    }
    expect_op(Op::RPar);
    finish(tuple->pos);
    return tuple;
}

ExprPtr Parser::list_display() {
    DepthGuard guard(*this);
    Pos p = start_of(advance());
    if (accept_op(Op::RSqb)) {
        auto e = std::make_unique<Expr>(ExprKind::List, p);
        finish(e->pos);
        return e;
    }
    ExprPtr first = star_named_expression();
    if (at_kw(Kw::For) || (at_kw(Kw::Async) && at_kw(Kw::For, 1))) {
        auto comp = std::make_unique<Expr>(ExprKind::ListComp, p);
        comp->a = std::move(first);
        comprehension_clauses(comp->generators);
        expect_op(Op::RSqb);
        finish(comp->pos);
        return comp;
    }
    auto list = std::make_unique<Expr>(ExprKind::List, p);
    list->values.push_back(std::move(first));
    for (;;) {
        if (!accept_op(Op::Comma)) break;
        if (at_op(Op::RSqb)) break;
        list->values.push_back(star_named_expression());
    }
    expect_op(Op::RSqb);
    finish(list->pos);
    return list;
}

ExprPtr Parser::brace_display() {
    DepthGuard guard(*this);
    Pos p = start_of(advance());
    if (accept_op(Op::RBrace)) {
        auto e = std::make_unique<Expr>(ExprKind::Dict, p);
        finish(e->pos);
        return e;
    }
    // dict: {k: v, **m}; set: {a, *b}
    ExprPtr first_key, first_value;
    bool is_dict;
    if (at_op(Op::DoubleStar)) {
        advance();
        first_value = bitwise_or();
        is_dict = true;
    } else {
        first_key = star_named_expression();
        is_dict = at_op(Op::Colon) && first_key->kind != ExprKind::Starred;
        if (is_dict) {
            const Token& colon = advance();
            if (at_op(Op::Star)) starred_dict_value();
            if (at_op(Op::RBrace) || at_op(Op::Comma)) {
                error_token(colon, "expression expected after dictionary key and ':'");
            }
            first_value = expression();
        }
    }
    if (is_dict) {
        if (first_key && (at_kw(Kw::For) || (at_kw(Kw::Async) && at_kw(Kw::For, 1)))) {
            auto comp = std::make_unique<Expr>(ExprKind::DictComp, p);
            comp->a = std::move(first_key);
            comp->b = std::move(first_value);
            comprehension_clauses(comp->generators);
            expect_op(Op::RBrace);
            finish(comp->pos);
            return comp;
        }
        auto dict = std::make_unique<Expr>(ExprKind::Dict, p);
        dict->keys.push_back(std::move(first_key));
        dict->values.push_back(std::move(first_value));
        while (accept_op(Op::Comma)) {
            if (at_op(Op::RBrace)) break;
            if (accept_op(Op::DoubleStar)) {
                dict->keys.push_back(nullptr);
                dict->values.push_back(bitwise_or());
                continue;
            }
            dict->keys.push_back(expression());
            if (!at_op(Op::Colon)) {
                // invalid_kvpair
                const Expr& key = *dict->keys.back();
                raise_error(make_error(key.pos.lineno, key.pos.end_col_offset, key.pos.end_lineno, 0,
                                       "':' expected after dictionary key", "SyntaxError"));
            }
            const Token& colon = advance();
            if (at_op(Op::Star)) starred_dict_value();
            if (at_op(Op::RBrace) || at_op(Op::Comma)) {
                error_token(colon, "expression expected after dictionary key and ':'");
            }
            dict->values.push_back(expression());
        }
        expect_op(Op::RBrace);
        finish(dict->pos);
        return dict;
    }
    if (at_kw(Kw::For) || (at_kw(Kw::Async) && at_kw(Kw::For, 1))) {
        auto comp = std::make_unique<Expr>(ExprKind::SetComp, p);
        comp->a = std::move(first_key);
        comprehension_clauses(comp->generators);
        expect_op(Op::RBrace);
        finish(comp->pos);
        return comp;
    }
    auto set = std::make_unique<Expr>(ExprKind::Set, p);
    set->values.push_back(std::move(first_key));
    for (;;) {
        if (!accept_op(Op::Comma)) break;
        if (at_op(Op::RBrace)) break;
        set->values.push_back(star_named_expression());
    }
    expect_op(Op::RBrace);
    finish(set->pos);
    return set;
}

ExprPtr Parser::atom() {
    const Token& t = tok();
    switch (t.kind) {
        case TokenKind::Name: {
            Pos p = start_of(t);
            switch (t.kw) {
                case Kw::None: {
                    advance();
                    auto e = std::make_unique<Expr>(ExprKind::Name, p);
                    e->id = std::string(text(t));
                    finish(e->pos);
                    return e;
                }
                case Kw::NoneKw:
                case Kw::True:
                case Kw::False: {
                    advance();
                    auto e = std::make_unique<Expr>(ExprKind::Constant, p);
                    e->constant.kind = t.kw == Kw::NoneKw ? ConstantValue::Kind::None
                                       : t.kw == Kw::True ? ConstantValue::Kind::True
                                                          : ConstantValue::Kind::False;
                    finish(e->pos);
                    return e;
                }
                default: syntax_error();
            }
        }
        case TokenKind::Number: {
            advance();
            auto e = std::make_unique<Expr>(ExprKind::Constant, start_of(t));
            e->constant = number_value(text(t));
            finish(e->pos);
            return e;
        }
        case TokenKind::String: return strings();
        case TokenKind::Op:
            switch (t.op) {
                case Op::LPar: return paren_or_tuple();
                case Op::LSqb: return list_display();
                case Op::LBrace: return brace_display();
                case Op::Ellipsis: {
                    advance();
                    auto e = std::make_unique<Expr>(ExprKind::Constant, start_of(t));
                    e->constant.kind = ConstantValue::Kind::Ellipsis;
                    finish(e->pos);
                    return e;
                }
                default: break;
            }
            break;
        default: break;
    }
    syntax_error();
}

ExprPtr Parser::strings() {
    size_t first = pos_;
    while (at(TokenKind::String)) advance();
    size_t last = pos_;
    Pos whole = start_of(toks_[first]);
    finish(whole);
    bool any_bytes = false, any_str = false, any_f = false;
    for (size_t i = first; i < last; ++i) {
        StringPrefix p = string_prefix(text(toks_[i]));
        (p.bytes ? any_bytes : any_str) = true;
        any_f = any_f || p.fstr;
    }
    if (any_bytes && any_str) {
        fatal_ = true;
        error_last("cannot mix bytes and nonbytes literals");
    }
    std::string literal;
    ExprList values;
    for (size_t i = first; i < last; ++i) {
        const Token& t = toks_[i];
        std::string_view s = text(t);
        StringPrefix p = string_prefix(s);
        size_t body_off = p.prefix_len + static_cast<size_t>(p.quote_size);
        std::string_view body = s.substr(body_off, s.size() - body_off - static_cast<size_t>(p.quote_size));
        if (p.fstr) {
            fstring_parts(t, body, body_off, p.raw, values, literal, 0, whole);
            continue;
        }
        if (p.bytes) {
            for (char ch : body) {
                if (static_cast<unsigned char>(ch) >= 0x80) {
                    fatal_ = true;
                    error_known(t.lineno, t.col, t.end_lineno, t.end_col,
                                "bytes can only contain ASCII literal characters");
                }
            }
        }
        if (p.raw) {
            literal.append(body);
        } else {
            std::string err;
            if (!decode_escapes(body, p.bytes, literal, err)) {
                fatal_ = true;
                error_last(err);
            }
        }
    }
    if (!any_f) {
        auto e = std::make_unique<Expr>(ExprKind::Constant, whole);
        e->constant.kind = any_bytes ? ConstantValue::Kind::Bytes : ConstantValue::Kind::Str;
        e->constant.text = std::move(literal);
        return e;
    }
    flush_literal(values, literal, whole);
    auto e = std::make_unique<Expr>(ExprKind::JoinedStr, whole);
    e->values = std::move(values);
    return e;
}

}  // namespace ys::parse_detail
