// Recursive-descent parser for the subset; the entry point and the raising of syntax
// errors. The grammar itself is spread over parse_*.cpp (see parser_impl.h); the
// checks CPython makes after a successful parse are in parse_check.cpp.
#include <algorithm>
#include <string>
#include <utility>

#include "lang/parser_impl.h"

namespace ys {

namespace parse_detail {

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

}  // namespace parse_detail

using ast::Module;
using lang::LexResult;
using parse_detail::Failure;
using parse_detail::kCompilerDepthLimit;
using parse_detail::Parser;
using parse_detail::TooComplex;

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
