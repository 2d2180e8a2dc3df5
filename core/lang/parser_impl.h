// The parser's shared state, for the files that implement it: parser.cpp (entry
// point, raising errors), parse_expr.cpp, parse_atom.cpp, parse_fstring.cpp,
// parse_stmt.cpp and parse_errors.cpp (CPython's invalid_* heuristics). It follows
// Grammar/python.gram of CPython 3.11: same node kinds, same positions, and CPython's
// messages for the syntax errors students make most. Nothing outside the parser
// includes this.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/lexer.h"
#include "lang/parser.h"

namespace ys::parse_detail {

// parse_literal.cpp: the value of a NUMBER token; backslash escapes of a string body.
ast::ConstantValue number_value(std::string_view text);
bool decode_escapes(std::string_view s, bool bytes, std::string& out, std::string& err);
// parse_check.cpp: the deepest expression nesting (without recursion), and the errors
// CPython's symtable and compiler raise for a program that parsed.
int max_expr_depth(const ast::StmtList& body);
bool check_module(const ast::Module& m, const lang::LexResult& lx, const std::string& filename,
                  SyntaxErrorInfo& error);

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

// parse_errors.cpp
const char* expr_name(const Expr& e);  // as in "cannot assign to function call"
const Expr* invalid_target(const Expr* e, TargetsType type);  // _PyPegen_get_invalid_target
// parse_expr.cpp
void set_context(Expr& e, ExprContext ctx);

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
    // ---- tokens and errors (raising: parser.cpp) -----------------------------------
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

    // ---- expressions: parse_expr.cpp, parse_atom.cpp, parse_errors.cpp ---------------
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

    // f-strings
    void fstring_parts(const Token& t, std::string_view body, size_t body_off, bool raw, ExprList& values,
                       std::string& literal, int recurse, const Pos& whole);
    ExprPtr fstring_compile(const Token& t, size_t expr_start, size_t expr_end);
    void flush_literal(ExprList& values, std::string& literal, const Pos& whole);

    // ---- statements: parse_stmt.cpp -------------------------------------------------
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

}  // namespace ys::parse_detail
