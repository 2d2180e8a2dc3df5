// Recursive-descent parser for the subset, following Grammar/python.gram of CPython
// 3.11: same node kinds, same positions, and CPython's messages for the syntax errors
// students make most. Sections:
//   1. parser state, token access, error raising
//   2. targets (ctx Store/Del) and CPython's invalid-target search
//   3. expressions (lowest precedence first)
//   4. atoms: literals, displays, comprehensions, strings and f-strings
//   5. statements
//   6. checks CPython makes after parsing ('return' outside function, ...)
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <algorithm>
#include <unordered_map>
#include <utility>

#include "lang/lexer.h"
#include "lang/parser.h"

namespace ys {

// Helpers split out of this file, declared here because nothing else uses them.
namespace parse_detail {
// parse_literal.cpp: the value of a NUMBER token; backslash escapes of a string body.
ast::ConstantValue number_value(std::string_view text);
bool decode_escapes(std::string_view s, bool bytes, std::string& out, std::string& err);
// parse_check.cpp: the deepest expression nesting (without recursion), and the errors
// CPython's symtable and compiler raise for a program that parsed.
int max_expr_depth(const ast::StmtList& body);
bool check_module(const ast::Module& m, const lang::LexResult& lx, const std::string& filename,
                  SyntaxErrorInfo& error);
}  // namespace parse_detail

namespace {

using parse_detail::decode_escapes;
using parse_detail::number_value;

using namespace ast;
using lang::Kw;
using lang::LexErrorKind;
using lang::LexResult;
using lang::Op;
using lang::Token;
using lang::TokenKind;

// Deeper nesting than this is reported as a SyntaxError rather than risking the stack.
constexpr int kMaxDepth = 1000;
// CPython's compiler gives up on expressions nested this deep (3 x the recursion limit
// of 1000, see Python/ast_opt.c) with a RecursionError.
constexpr int kCompilerDepthLimit = 3000;
// Left-deep chains (a+b+c..., a.b.c..., f()()...) are built by loops, not recursion,
// so the recursion guard does not bound them. A statement with more links than this
// (over all its chains) is given up, which keeps every tree shallow enough for the
// recursive walks that follow (the compiler's, and the destructors').
constexpr int kMaxLinks = 5000;

struct TooComplex {};

struct Failure {};  // thrown once the error has been recorded

enum class TargetsType { Star, Del, For };

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

// Where the sub-parser of an f-string expression sits in the file.
struct FStringShift {
    int line_shift = 0;  // added to every line
    int col_shift = 0;   // added to columns on the first line
};

class Parser {
public:
    Parser(const LexResult& lx, const std::string& filename, int depth, const LexResult* outer = nullptr)
        : lx_(lx), src_(lx.source), toks_(lx.tokens), filename_(filename), depth_(depth),
          outer_(outer ? outer : &lx) {}

    Module parse_file();
    ExprPtr parse_fstring_expr();  // "(" expr ")" sub-source of an f-string

    SyntaxErrorInfo error;
    bool fstring_mode = false;

private:
    // ---- 1. tokens and errors ------------------------------------------------------
    const Token& tok(size_t k = 0) {
        size_t idx = pos_ + k;
        if (idx >= toks_.size()) {
            if (lx_.error.kind != LexErrorKind::None) lexer_error();
            idx = toks_.size() - 1;
        }
        if (idx > max_seen_) max_seen_ = idx;
        if (idx > max_fetched_) max_fetched_ = idx;
        return toks_[idx];
    }
    bool at_op(Op op, size_t k = 0) {
        const Token& t = tok(k);
        return t.kind == TokenKind::Op && t.op == op;
    }
    bool at_kw(Kw kw, size_t k = 0) { return tok(k).kw == kw && tok(k).kind == TokenKind::Name; }
    bool at(TokenKind kind, size_t k = 0) { return tok(k).kind == kind; }
    bool at_name(size_t k = 0) {
        const Token& t = tok(k);
        return t.kind == TokenKind::Name && t.kw == Kw::None;
    }
    const Token& advance() {
        const Token& t = tok();
        ++pos_;
        return t;
    }
    bool accept_op(Op op) {
        if (at_op(op)) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool accept_kw(Kw kw) {
        if (at_kw(kw)) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect_op(Op op) {
        if (!accept_op(op)) syntax_error();
    }
    // A forced token (`&&':'` in the grammar): "expected ':'" at the current token.
    void expect_forced(Op op) {
        if (accept_op(op)) return;
        fatal_ = true;
        const Token& t = tok();
        error_known(t.lineno, t.col, t.end_lineno, t.end_col, "expected '" + std::string(lang::op_spelling(op)) + "'");
    }
    std::string_view text(const Token& t) const { return t.text(src_); }
    const Token& prev() const { return toks_[pos_ - 1]; }

    static Pos start_of(const Token& t) { return Pos{t.lineno, t.col, 0, 0}; }
    void finish(Pos& p) const {
        // the last token consumed, not counting NEWLINE/INDENT/DEDENT
        size_t k = pos_ - 1;
        while (k > 0 && (toks_[k].kind == TokenKind::Newline || toks_[k].kind == TokenKind::Indent ||
                         toks_[k].kind == TokenKind::Dedent)) {
            --k;
        }
        const Token& t = toks_[k];
        p.end_lineno = t.end_lineno;
        p.end_col_offset = t.end_col;
    }
    Pos span_from(const Pos& start) const {
        Pos p = start;
        finish(p);
        return p;
    }
    static Pos span(const Pos& a, const Pos& b) { return Pos{a.lineno, a.col_offset, b.end_lineno, b.end_col_offset}; }

    [[noreturn]] void lexer_error();
    [[noreturn]] void raise_error(SyntaxErrorInfo info, bool allow_override = true);
    [[noreturn]] void error_known(int line, int col, int end_line, int end_col, const std::string& msg,
                                  const char* type = "SyntaxError") {
        raise_error(make_error(line, col + 1, end_line, end_col < 0 ? 0 : end_col + 1, msg, type));
    }
    [[noreturn]] void error_node(const Expr& e, const std::string& msg) {
        error_known(e.pos.lineno, e.pos.col_offset, e.pos.end_lineno, e.pos.end_col_offset, msg);
    }
    [[noreturn]] void error_range(const Pos& a, const Pos& b, const std::string& msg) {
        error_known(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, msg);
    }
    // An error at a token. INDENT, DEDENT and ENDMARKER have no span in CPython
    // (col_offset -1): the column is where the tokenizer stands, 0 at the end of a file.
    [[noreturn]] void error_token(const Token& t, const std::string& msg, const char* type = "SyntaxError") {
        if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
            raise_error(make_error(t.lineno, t.col, t.lineno, -1, msg, type));
        }
        if (t.kind == TokenKind::EndMarker) raise_error(make_error(t.lineno, 0, t.lineno, -1, msg, type));
        error_known(t.lineno, t.col, t.end_lineno, t.end_col, msg, type);
    }
    // RAISE_SYNTAX_ERROR without a location: at the last token fetched.
    [[noreturn]] void error_last(const std::string& msg, const char* type = "SyntaxError");
    // The generic error: "invalid syntax" at the furthest token looked at.
    [[noreturn]] void syntax_error();
    SyntaxErrorInfo make_error(int line, int offset, int end_line, int end_offset, const std::string& msg,
                               const char* type) const;

    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) {
            if (++p.depth_ > kMaxDepth) p.too_deep();
        }
        ~DepthGuard() { --p.depth_; }
    };
    [[noreturn]] void too_deep();
    void link() {
        if (++links_ > kMaxLinks) throw TooComplex{};
    }

    // ---- 2/3. expressions ------------------------------------------------------------
    ExprPtr star_expressions();
    ExprPtr star_expression();
    ExprPtr star_named_expression();
    ExprPtr named_expression(bool eq_check = true);
    ExprPtr expression();
    void invalid_expression(size_t start_idx, const Expr& a);
    void invalid_named_assignment(size_t start_idx, const Expr& e);
    bool bitwise_level(const Expr& e, size_t start_idx) const;
    // Run `probe` and put the parser back where it was: the look-ahead CPython's
    // second pass does for its invalid_* rules. Failures inside are swallowed.
    template <typename F>
    bool speculate(F probe) {
        size_t save_pos = pos_, save_seen = max_seen_;
        ++no_invalid_;
        bool ok = true;
        try {
            probe();
        } catch (Failure&) {
            if (fatal_) {
                --no_invalid_;
                throw;
            }
            ok = false;
        }
        --no_invalid_;
        pos_ = save_pos;
        max_seen_ = save_seen;
        return ok;
    }
    ExprPtr expressions();  // expression (',' expression)* [','] -> Tuple
    ExprPtr disjunction();
    ExprPtr conjunction();
    ExprPtr inversion();
    ExprPtr comparison();
    ExprPtr bitwise_or();
    ExprPtr bitwise_xor();
    ExprPtr bitwise_and();
    ExprPtr shift_expr();
    ExprPtr sum();
    ExprPtr term();
    ExprPtr factor();
    ExprPtr power();
    ExprPtr await_primary();
    ExprPtr primary();
    ExprPtr atom();
    ExprPtr lambdef();
    ExprPtr yield_expr();
    ExprPtr slices();
    ExprPtr slice();
    void call_arguments(Expr& call);
    ExprPtr star_targets();
    ExprPtr star_target();
    ExprPtr paren_or_tuple();
    ExprPtr list_display();
    ExprPtr brace_display();
    [[noreturn]] void starred_dict_value();
    void comprehension_clauses(std::vector<Comprehension>& out);
    [[noreturn]] void invalid_for_target(size_t target_idx);
    ExprPtr strings();
    bool starts_expression(size_t k = 0);
    void check_invalid_comparison_or_comma(Expr& e);

    // f-strings
    void fstring_parts(const Token& t, std::string_view body, size_t body_off, bool raw, ExprList& values,
                       std::string& literal, int recurse, const Pos& whole);
    ExprPtr fstring_compile(const Token& t, size_t expr_start, size_t expr_end);
    void flush_literal(ExprList& values, std::string& literal, const Pos& whole);

    // ---- 5. statements ----------------------------------------------------------------
    void statements(StmtList& out);
    void statement(StmtList& out);
    void simple_stmts(StmtList& out);
    StmtPtr simple_stmt();
    StmtPtr expr_or_assign_stmt();
    void block(StmtList& out, const std::string& what, int line);
    StmtPtr if_stmt(bool elif);
    StmtPtr while_stmt();
    StmtPtr for_stmt(const Token* async_tok);
    StmtPtr with_stmt(const Token* async_tok);
    StmtPtr try_stmt();
    StmtPtr funcdef(ExprList decorators, const Token* async_tok);
    StmtPtr classdef(ExprList decorators);
    StmtPtr decorated();
    StmtPtr import_stmt();
    StmtPtr from_stmt();
    std::unique_ptr<Arguments> parameters(bool lambda);
    std::string dotted_name();

    const LexResult& lx_;
    std::string_view src_;
    const std::vector<Token>& toks_;
    const std::string& filename_;
    size_t pos_ = 0;
    size_t max_seen_ = 0;     // furthest token looked at, not counting speculation
    size_t max_fetched_ = 0;  // furthest token looked at, speculation included
    int depth_ = 0;
    int no_invalid_ = 0;  // >0 while speculating: specific-error checks are off
    // The error raised is final even while speculating: CPython raises tokenizer
    // errors, f-string errors and forced-token errors at once, in any pass.
    bool fatal_ = false;
    int links_ = 0;       // chain links in the current statement (see kMaxLinks)
    const LexResult* outer_;  // the file (for the text of error lines)

public:
    FStringShift shift;
    const Token* fstring_token = nullptr;  // the STRING token a sub-parser came from
};

// ---------------------------------------------------------------------------------------
// 1. errors

SyntaxErrorInfo Parser::make_error(int line, int offset, int end_line, int end_offset, const std::string& msg,
                                   const char* type) const {
    SyntaxErrorInfo e;
    e.type = type;
    e.msg = msg;
    e.filename = filename_;
    e.lineno = line;
    e.end_lineno = end_line;
    // Parser errors keep byte offsets: CPython only converts them to characters when
    // the tokenizer knows an encoding, which it does not for a file without a coding
    // cookie (and `python3 prog.py` is what we match).
    e.offset = offset;
    e.end_offset = end_offset;
    if (fstring_mode) {
        // The sub-parser of an f-string expression reports in its own coordinates:
        // the text is "(expr)", columns relative to it.
        int rel = line - shift.line_shift;
        e.text = std::string(lx_.line(rel));
        if (rel == 1) {
            if (e.offset > 0) e.offset -= shift.col_shift;
            if (e.end_offset > 0 && end_line == line) e.end_offset -= shift.col_shift;
        }
    } else {
        e.text = std::string(outer_->line(line));
    }
    return e;
}

void Parser::lexer_error() {
    fatal_ = true;
    error = lx_.error.info;
    error.filename = filename_;
    if (fstring_mode) {
        error.msg = "f-string: " + error.msg;
        error.lineno = fstring_token ? fstring_token->lineno : error.lineno;
        error.end_lineno = error.lineno;
        error.text = std::string(outer_->line(error.lineno));
    }
    throw Failure{};
}

void Parser::raise_error(SyntaxErrorInfo info, bool allow_override) {
    error = std::move(info);
    if (fstring_mode) {
        error.msg = "f-string: " + error.msg;
    } else if (allow_override) {
        // _PyPegen_tokenize_full_source_to_check_for_errors: an error the tokenizer
        // raises later in the file wins; so does a bracket still open at the end that
        // was opened on an earlier line.
        const lang::LexError& le = lx_.error;
        int current_line = toks_.empty() ? 0 : toks_[std::min(max_fetched_, toks_.size() - 1)].lineno;
        if (le.kind == LexErrorKind::Raised ||
            (le.kind == LexErrorKind::EofInBrackets && le.bracket_line < current_line)) {
            std::string fn = error.filename;
            error = le.info;
            error.filename = fn;
        }
    }
    throw Failure{};
}

void Parser::error_last(const std::string& msg, const char* type) {
    error_token(toks_[max_seen_ < toks_.size() ? max_seen_ : toks_.size() - 1], msg, type);
}

void Parser::syntax_error() {
    const Token& t = toks_[max_seen_ < toks_.size() ? max_seen_ : toks_.size() - 1];
    if (!fstring_mode && (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent)) {
        // Reported at the first non-blank character of the line, with no caret.
        int offset = t.col;
        raise_error(make_error(t.lineno, offset, t.lineno, -1,
                               t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent",
                               "IndentationError"),
                    false);
    }
    error_token(t, "invalid syntax");
}

void Parser::too_deep() {
    fatal_ = true;
    const Token& t = tok();
    error_known(t.lineno, t.col, t.end_lineno, t.end_col, "too many nested parentheses");
}

// ---------------------------------------------------------------------------------------
// 3. expressions

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
                bool sole = call.values.empty() && call.keywords.empty() && &first == &toks_[pos_ - 0] ? true : true;
                (void)sole;
                auto gen = std::make_unique<Expr>(ExprKind::GeneratorExp, e->pos);
                gen->a = std::move(e);
                comprehension_clauses(gen->generators);
                finish(gen->pos);
                bool alone = call.values.empty() && call.keywords.empty() && at_op(Op::RPar);
                if (alone) {
                    // the genexp's span is the call's parentheses
                    const Token* open = &toks_[0];
                    // find the '(' that opened this call: it is just before `first`
                    size_t idx = static_cast<size_t>(&first - toks_.data());
                    open = &toks_[idx - 1];
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
        check_invalid_comparison_or_comma(call);
        syntax_error();
    }
    advance();
}

// "invalid syntax. Perhaps you forgot a comma?": inside brackets, two expressions
// next to each other with nothing between them.
void Parser::check_invalid_comparison_or_comma(Expr&) {}

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

// ---------------------------------------------------------------------------------------
// 4. atoms

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

// RAISE_SYNTAX_ERROR_STARTING_FROM('*'): from the star to where the parser stands.
void Parser::starred_dict_value() {
    const Token& star = advance();
    bitwise_or();
    const Token& last = prev();
    raise_error(make_error(star.lineno, star.col + 1, last.end_lineno, last.end_col + 1,
                           "cannot use a starred expression in a dictionary value", "SyntaxError"));
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

// ---- strings ----------------------------------------------------------------------------

// decode_escapes and number_value live in parse_literal.cpp.

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

void Parser::flush_literal(ExprList& values, std::string& literal, const Pos& whole) {
    if (literal.empty()) return;
    auto c = std::make_unique<Expr>(ExprKind::Constant, whole);
    c->constant.kind = ConstantValue::Kind::Str;
    c->constant.text = std::move(literal);
    literal.clear();
    values.push_back(std::move(c));
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

// One f-string token body (between the quotes), appended to `values`. This follows
// fstring_find_literal / fstring_find_expr of CPython 3.11's Parser/string_parser.c.
void Parser::fstring_parts(const Token& t, std::string_view body, size_t body_off, bool raw, ExprList& values,
                           std::string& literal, int recurse, const Pos& whole) {
    // Errors found while splitting an f-string are reported at the token after the
    // string (RAISE_SYNTAX_ERROR in string_parser.c: the last token fetched).
    auto fail = [&](const std::string& msg) {
        fatal_ = true;
        error_last(msg);
    };
    size_t i = 0;
    const size_t n = body.size();
    while (i < n) {
        // literal part
        size_t lit_start = i;
        std::string chunk;
        while (i < n) {
            char c = body[i];
            if (!raw && c == '\\' && i + 1 < n) {
                // keep escapes together so "\{" is not seen as a brace
                if (body[i + 1] == '{' || body[i + 1] == '}') {
                    // a backslash before a brace is just a backslash (the brace is live)
                    chunk.push_back('\\');
                    ++i;
                    continue;
                }
                chunk.push_back(c);
                chunk.push_back(body[i + 1]);
                i += 2;
                continue;
            }
            if (c == '{' || c == '}') {
                if (recurse == 0 && i + 1 < n && body[i + 1] == c) {
                    chunk.push_back(c);
                    i += 2;
                    continue;
                }
                if (c == '}') {
                    if (recurse > 0) break;  // end of a format spec
                    fail("f-string: single '}' is not allowed");
                }
                break;
            }
            chunk.push_back(c);
            ++i;
        }
        (void)lit_start;
        if (!chunk.empty()) {
            if (raw) {
                literal += chunk;
            } else {
                std::string err;
                if (!decode_escapes(chunk, false, literal, err)) fail(err);
            }
        }
        if (i >= n) break;
        if (body[i] == '}') {
            // end of a nested format spec
            break;
        }
        // expression part: body[i] == '{'
        if (recurse >= 2) fail("f-string: expressions nested too deeply");
        size_t expr_start = i + 1;
        size_t j = expr_start;
        char quote = 0;
        int quote_len = 0;
        std::string brackets;
        size_t expr_end = std::string::npos;
        bool debug = false;
        for (; j < n; ++j) {
            char c = body[j];
            if (c == '\\') fail("f-string expression part cannot include a backslash");
            if (quote) {
                if (c == quote) {
                    if (quote_len == 3) {
                        if (j + 2 < n && body[j + 1] == quote && body[j + 2] == quote) {
                            j += 2;
                            quote = 0;
                        }
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                if (j + 2 < n && body[j + 1] == c && body[j + 2] == c) {
                    quote_len = 3;
                    j += 2;
                } else {
                    quote_len = 1;
                }
                quote = c;
                continue;
            }
            if (c == '[' || c == '(' || c == '{') {
                if (brackets.size() >= 200) fail("f-string: too many nested parenthesis");
                brackets.push_back(c);
                continue;
            }
            if (c == '#') fail("f-string expression part cannot include '#'");
            if (brackets.empty() && (c == '!' || c == ':' || c == '}' || c == '=' || c == '<' || c == '>')) {
                // '!=' , '==', '<=', '>=' are operators, not the end of the expression
                if (j + 1 < n && body[j + 1] == '=' && (c == '!' || c == '=' || c == '<' || c == '>')) {
                    ++j;
                    continue;
                }
                if (c == '<' || c == '>') continue;
                if (c == '=') {
                    debug = true;
                }
                expr_end = j;
                break;
            }
            if (c == ']' || c == ')' || c == '}') {
                if (brackets.empty()) {
                    fail(std::string("f-string: unmatched '") + c + "'");
                }
                char open = brackets.back();
                brackets.pop_back();
                if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
                    fail(std::string("f-string: closing parenthesis '") + c +
                         "' does not match opening parenthesis '" + open + "'");
                }
            }
        }
        if (quote) fail("f-string: unterminated string");
        if (!brackets.empty() && expr_end == std::string::npos) {
            fail(std::string("f-string: unmatched '") + brackets.back() + "'");
        }
        if (expr_end == std::string::npos) fail("f-string: expecting '}'");
        // empty expression?
        {
            bool blank = true;
            for (size_t k = expr_start; k < expr_end; ++k) {
                char c = body[k];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') blank = false;
            }
            if (blank) fail("f-string: empty expression not allowed");
        }
        ExprPtr value = fstring_compile(t, body_off + expr_start, body_off + expr_end);
        j = expr_end;
        if (debug) {
            // "x=" text (with the spaces around it) goes into the literal
            ++j;
            while (j < n && (body[j] == ' ' || body[j] == '\t' || body[j] == '\n')) ++j;
            literal.append(body.substr(expr_start, j - expr_start));
        }
        int conversion = -1;
        if (j < n && body[j] == '!') {
            ++j;
            if (j >= n) fail("f-string: expecting '}'");
            char conv = body[j];
            if (conv != 's' && conv != 'r' && conv != 'a') {
                fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = conv;
            ++j;
            if (j >= n) fail("f-string: expecting '}'");
        }
        ExprPtr spec;
        if (j < n && body[j] == ':') {
            ++j;
            ExprList spec_values;
            std::string spec_literal;
            size_t spec_start = j;
            // The format spec runs to the matching '}' (nested '{...}' are expressions).
            std::string_view rest = body.substr(spec_start);
            // find the end: scan with brace depth
            int depth = 0;
            size_t k = 0;
            for (; k < rest.size(); ++k) {
                if (rest[k] == '{') ++depth;
                else if (rest[k] == '}') {
                    if (depth == 0) break;
                    --depth;
                }
            }
            if (k >= rest.size()) fail("f-string: expecting '}'");
            fstring_parts(t, rest.substr(0, k), body_off + spec_start, raw, spec_values, spec_literal, recurse + 1,
                          whole);
            // 3.11 (FstringParser_Finish) gives a format spec, and the literal that ends
            // it, the span of its own string token
            Pos token_span{t.lineno, t.col, t.end_lineno, t.end_col};
            flush_literal(spec_values, spec_literal, token_span);
            spec = std::make_unique<Expr>(ExprKind::JoinedStr, token_span);
            spec->values = std::move(spec_values);
            j = spec_start + k;
        }
        if (j >= n || body[j] != '}') fail("f-string: expecting '}'");
        ++j;
        if (debug && conversion == -1 && !spec) conversion = 'r';
        flush_literal(values, literal, whole);
        auto fv = std::make_unique<Expr>(ExprKind::FormattedValue, whole);
        fv->a = std::move(value);
        fv->b = std::move(spec);
        fv->conversion = conversion;
        values.push_back(std::move(fv));
        i = j;
    }
}

// fstring_compile_expr: parse "(" + expression + ")" with positions shifted to where
// the expression sits in the file (fstring_find_expr_location).
ExprPtr Parser::fstring_compile(const Token& t, size_t expr_start, size_t expr_end) {
    std::string_view tok_text = text(t);
    std::string sub = "(";
    sub.append(tok_text.substr(expr_start, expr_end - expr_start));
    sub.push_back(')');
    // location: lines before the '{' inside the token, and the column of the '{'
    size_t brace = expr_start - 1;
    int lines = 0, cols = 0;
    bool newline_after_brace = true;
    for (size_t k = expr_start; k < tok_text.size() && tok_text[k] != '}' && tok_text[k] != '\n'; ++k) {
        char c = tok_text[k];
        if (c != ' ' && c != '\t' && c != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        size_t k = brace;
        while (k > 0 && tok_text[k] != '\n') --k;
        cols += static_cast<int>(brace - k);
        if (tok_text[k] == '\n') cols -= 1;
    }
    for (size_t k = 0; k < brace; ++k) {
        if (tok_text[k] == '\n') ++lines;
    }
    LexResult sub_lx = lang::tokenize(sub);
    int line_shift = t.lineno + lines - 1;
    int col_shift = t.col + cols;
    if (lines > 0) col_shift = cols;  // 3.11: the token's column only counts on its first line
    for (Token& st : sub_lx.tokens) {
        if (st.lineno == 1) st.col += col_shift;
        if (st.end_lineno == 1) st.end_col += col_shift;
        st.lineno += line_shift;
        st.end_lineno += line_shift;
    }
    Parser sub_parser(sub_lx, filename_, depth_ + 1, outer_);
    sub_parser.fstring_mode = true;
    sub_parser.fstring_token = &t;
    sub_parser.shift = FStringShift{line_shift, col_shift};
    try {
        ExprPtr e = sub_parser.parse_fstring_expr();
        return e;
    } catch (Failure&) {
        error = std::move(sub_parser.error);
        fatal_ = true;
        throw;
    }
}

ExprPtr Parser::parse_fstring_expr() {
    // CPython parses "(" + expression + ")" with its `fstring: star_expressions` rule,
    // so the added parentheses belong to the expression: `f"{a,}"` is a tuple that
    // spans from the '{' to the '}'.
    ExprPtr e = star_expressions();
    if (!at(TokenKind::Newline) && !at(TokenKind::EndMarker)) syntax_error();
    return e;
}

// ---------------------------------------------------------------------------------------
// 5. statements

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
                if (!at_op(Op::Semi) && !at(TokenKind::Newline)) {
                    // `del f(x) + 1`: CPython names the offending target
                    ExprPtr rest;
                    syntax_error();
                }
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

// ---------------------------------------------------------------------------------------
// 6. checks CPython's compiler makes after a successful parse

}  // namespace

SyntaxErrorInfo recursion_error() {
    SyntaxErrorInfo e;
    e.type = "RecursionError";
    e.msg = "maximum recursion depth exceeded during compilation";
    return e;
}

ParseResult parse_module(std::string_view source, const std::string& filename) {
    ParseResult result;
    LexResult lx = lang::tokenize(source);
    if (lx.tokens.empty()) {
        // the error comes before any token (NUL bytes, bad UTF-8)
        result.error = lx.error.info;
        result.error.filename = filename;
        if (result.error.msg.find("%FILE%") != std::string::npos) {
            result.error.msg.replace(result.error.msg.find("%FILE%"), 6, filename);
        }
        return result;
    }
    Parser parser(lx, filename, 0);
    try {
        Module m = parser.parse_file();
        if (parse_detail::max_expr_depth(m.body) >= kCompilerDepthLimit) {
            result.error = recursion_error();
            return result;
        }
        if (!parse_detail::check_module(m, lx, filename, result.error)) return result;
        result.module = std::move(m);
    } catch (Failure&) {
        result.error = std::move(parser.error);
    } catch (TooComplex&) {
        result.error = recursion_error();
    }
    return result;
}

}  // namespace ys
