// The tokenizer's state, shared by the files that implement it: lexer.cpp (tok_get's
// main loop, operators, the public entry points), lex_indent.cpp (INDENT/DEDENT),
// lex_name.cpp (identifiers, keywords) and lex_literal.cpp (numbers, strings).
// Nothing outside the lexer includes this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/lexer.h"

namespace ys::lang::lex_detail {

constexpr int kTabSize = 8;
constexpr int kMaxIndent = 100;  // MAXINDENT
constexpr int kMaxLevel = 200;   // MAXLEVEL

inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
inline bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
inline bool is_id_char(int c) { return is_id_start(c) || is_digit(c); }

// Decode one UTF-8 code point at s[i]; returns its length (0 when invalid).
int decode_utf8(std::string_view s, size_t i, uint32_t* cp);

class Lexer {
public:
    explicit Lexer(LexResult& out) : out_(out), src_(out.source) {}

    void run();

private:
    // tok_nextc: the next byte or -1 at the end. CPython appends a newline to a last
    // line that lacks one; so do we (the source was given one already).
    int nextc() {
        if (cur_ >= src_.size()) {
            ++cur_;  // so that backup() stays symmetric
            return -1;
        }
        return static_cast<unsigned char>(src_[cur_++]);
    }
    void backup(int) { --cur_; }
    int lineno_of(size_t offset) const;

    void emit(TokenKind kind, size_t start, size_t end, Op op = Op::None, Kw kw = Kw::None);
    void emit_at(TokenKind kind, size_t offset);

    // Errors. `offset` and `end_offset` are 1-based byte columns on line `lineno`.
    void raise(int lineno, int offset, int end_offset, std::string msg,
               std::string type = "SyntaxError");
    // syntaxerror(tok, ...): position is the character before cur on the current line.
    void raise_here(std::string msg) {
        int line = lineno_of(cur_ == 0 ? 0 : cur_ - 1);
        size_t ls = out_.line_starts[line - 1];
        int off = static_cast<int>(cur_ - ls);
        raise(line, off, off, std::move(msg));
    }
    void stop(LexErrorKind kind, int lineno, int offset, int end_offset, std::string msg,
              std::string type);

    bool get_token();  // false when finished (ENDMARKER emitted or error)
    bool indentation();  // at the start of a line; false on an error
    bool verify_end_of_number(int c, const char* kind);
    int decimal_tail();
    bool lex_number(int c, size_t start);
    bool lex_string(int quote, size_t start);
    bool lex_identifier(int c, size_t start);

    LexResult& out_;
    std::string_view src_;
    size_t cur_ = 0;

    mutable size_t line_cursor_ = 0;
    std::vector<int> indstack_{0};
    std::vector<int> altindstack_{0};
    int pendin_ = 0;
    bool atbol_ = true;
    bool blankline_ = false;
    bool cont_line_ = false;
    struct Bracket {
        char c;
        int line;
        int col;
    };
    std::vector<Bracket> brackets_;
    bool done_ = false;
};

}  // namespace ys::lang::lex_detail
