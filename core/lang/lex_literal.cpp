// NUMBER and STRING tokens: the literal forms tokenizer.c accepts (underscores,
// prefixes, exponents, imaginary suffixes; string prefixes and quotes) and the errors
// it raises for the malformed ones.
#include <string>
#include <string_view>

#include "lang/lexer_impl.h"

namespace ys::lang::lex_detail {

int Lexer::decimal_tail() {
    int c;
    for (;;) {
        do {
            c = nextc();
        } while (is_digit(c));
        if (c != '_') break;
        c = nextc();
        if (!is_digit(c)) {
            backup(c);
            raise_here("invalid decimal literal");
            return 0;
        }
    }
    return c;
}

bool Lexer::verify_end_of_number(int c, const char* kind) {
    // A number directly followed by one of the keywords that may follow it in valid
    // code ("1if x else y") is only a deprecation warning in 3.11.
    auto ahead = [&](std::string_view rest) {
        return src_.substr(cur_, rest.size()) == rest;  // cur_ is after c
    };
    bool r = false;
    if (c == 'a') r = ahead("nd");
    else if (c == 'e') r = ahead("lse");
    else if (c == 'f') r = ahead("or");
    else if (c == 'i') r = ahead("f") || ahead("n") || ahead("s");
    else if (c == 'o') r = ahead("r");
    else if (c == 'n') r = ahead("ot");
    if (r) return true;
    if (c >= 0 && is_id_char(c)) {
        backup(c);
        raise_here(std::string("invalid ") + kind + " literal");
        return false;
    }
    return true;
}

bool Lexer::lex_number(int c, size_t start) {
    auto finish = [&](int last) {
        backup(last);
        emit(TokenKind::Number, start, cur_);
        return true;
    };
    if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (!is_xdigit(c)) {
                    backup(c);
                    raise_here("invalid hexadecimal literal");
                    return false;
                }
                do {
                    c = nextc();
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(c, "hexadecimal")) return false;
            return finish(c);
        }
        if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            bool octal = c == 'o' || c == 'O';
            const char* kind = octal ? "octal" : "binary";
            char limit = octal ? '8' : '2';
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (c < '0' || c >= limit) {
                    if (is_digit(c)) {
                        raise_here(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
                    } else {
                        backup(c);
                        raise_here(std::string("invalid ") + kind + " literal");
                    }
                    return false;
                }
                do {
                    c = nextc();
                } while (c >= '0' && c < limit);
            } while (c == '_');
            if (is_digit(c)) {
                raise_here(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
                return false;
            }
            if (!verify_end_of_number(c, kind)) return false;
            return finish(c);
        }
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!is_digit(c)) {
                    backup(c);
                    raise_here("invalid decimal literal");
                    return false;
                }
            }
            if (c != '0') break;
            c = nextc();
        }
        size_t zeros_end = cur_;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail();
            if (c == 0) return false;
        }
        if (c == '.') {
            c = nextc();
            goto fraction;
        }
        if (c == 'e' || c == 'E') goto exponent;
        if (c == 'j' || c == 'J') goto imaginary;
        if (nonzero) {
            backup(c);
            int line = lineno_of(start);
            size_t ls = out_.line_starts[line - 1];
            raise(line, static_cast<int>(start + 1 - ls), static_cast<int>(zeros_end - ls),
                  "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            return false;
        }
        if (!verify_end_of_number(c, "decimal")) return false;
        return finish(c);
    }
    // Decimal
    c = decimal_tail();
    if (c == 0) return false;
    if (c == '.') {
        c = nextc();
    fraction:
        if (is_digit(c)) {
            c = decimal_tail();
            if (c == 0) return false;
        }
    }
    if (c == 'e' || c == 'E') {
    exponent:
        int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
                backup(c);
                raise_here("invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            backup(c);
            if (!verify_end_of_number(e, "decimal")) return false;
            backup(e);
            emit(TokenKind::Number, start, cur_);
            return true;
        }
        c = decimal_tail();
        if (c == 0) return false;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        c = nextc();
        if (!verify_end_of_number(c, "imaginary")) return false;
    } else if (!verify_end_of_number(c, "decimal")) {
        return false;
    }
    return finish(c);
}

bool Lexer::lex_string(int quote, size_t start) {
    size_t first_line_start = out_.line_starts[lineno_of(start) - 1];
    int first_lineno = lineno_of(start);
    int quote_size = 1;
    int end_quote_size = 0;
    size_t quote_pos = start;  // errors point at the token's first character (its prefix)
    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;  // empty string
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
        c = nextc();
        if (c == -1 || (quote_size == 1 && c == '\n')) {
            // Report from the opening quote, on the line where the string started.
            int detected = lineno_of(c == -1 ? src_.size() - 1 : cur_ - 1);
            int offset = static_cast<int>(quote_pos - first_line_start) + 1;
            if (quote_size == 3) {
                raise(first_lineno, offset, offset,
                      "unterminated triple-quoted string literal (detected at line " + std::to_string(detected) + ")");
            } else {
                raise(first_lineno, offset, offset,
                      "unterminated string literal (detected at line " + std::to_string(detected) + ")");
            }
            return false;
        }
        if (c == quote) {
            end_quote_size += 1;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                int d = nextc();
                if (d == -1) backup(d);
            }
        }
    }
    emit(TokenKind::String, start, cur_);
    return true;
}

}  // namespace ys::lang::lex_detail
