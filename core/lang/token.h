// Tokens of Python 3.11 source, as Parser/tokenizer.c produces them.
// A token is a kind plus a byte span of the source and its position; the text is
// never copied (see Token::text).
#pragma once

#include <cstdint>
#include <string_view>

namespace ys::lang {

enum class TokenKind : uint8_t {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
};

// Operators and delimiters (Grammar/Tokens). Unknown is a character CPython returns as
// a one-character OP that no grammar rule accepts (`$`, `?`, `!`).
enum class Op : uint8_t {
    None,
    LPar, RPar, LSqb, RSqb, LBrace, RBrace,
    Colon, Comma, Semi, Dot, Ellipsis, At, RArrow, ColonEqual,
    Plus, Minus, Star, Slash, DoubleSlash, Percent, DoubleStar, VBar, Amper, Circumflex,
    Tilde, LeftShift, RightShift,
    Less, Greater, EqEqual, NotEqual, LessEqual, GreaterEqual, Equal,
    PlusEqual, MinEqual, StarEqual, SlashEqual, DoubleSlashEqual, PercentEqual,
    DoubleStarEqual, VBarEqual, AmperEqual, CircumflexEqual, LeftShiftEqual,
    RightShiftEqual, AtEqual,
    Unknown,
};

// Keywords are NAME tokens whose text is reserved; the lexer tags them.
enum class Kw : uint8_t {
    None,
    False, NoneKw, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del,
    Elif, Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal,
    Not, Or, Pass, Raise, Return, Try, While, With, Yield,
};

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    Op op = Op::None;
    Kw kw = Kw::None;
    uint8_t level = 0;   // bracket depth after this token (tokenizer.c's tok->level)
    uint32_t start = 0;  // byte offset of the first byte in the source
    uint32_t end = 0;    // byte offset one past the last byte
    int lineno = 0;      // 1-based
    int col = 0;         // 0-based byte column
    int end_lineno = 0;
    int end_col = 0;

    std::string_view text(std::string_view source) const {
        return source.substr(start, end - start);
    }
};

// The spelling of an operator ("**=") for messages and token dumps.
std::string_view op_spelling(Op op);
std::string_view token_kind_name(TokenKind kind);

}  // namespace ys::lang
