// f-strings: splitting a token body into literal parts and replacement fields, and
// parsing each field's expression with a sub-parser placed where it sits in the file.
#include <string>
#include <utility>

#include "lang/parser_impl.h"

namespace ys::parse_detail {

void Parser::flush_literal(ExprList& values, std::string& literal, const Pos& whole) {
    if (literal.empty()) return;
    auto c = std::make_unique<Expr>(ExprKind::Constant, whole);
    c->constant.kind = ConstantValue::Kind::Str;
    c->constant.text = std::move(literal);
    literal.clear();
    values.push_back(std::move(c));
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

}  // namespace ys::parse_detail
