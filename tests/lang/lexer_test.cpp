// Lexer tests: token streams for tricky inputs (checked against CPython's tokenize
// module: same NAME/NUMBER/STRING/OP spans, same NEWLINE/INDENT/DEDENT sequence) and the
// errors the tokenizer itself reports.
#include <gtest/gtest.h>

#include <string>

#include "lang/lexer.h"

namespace {

using ys::lang::LexErrorKind;
using ys::lang::tokenize;

std::string tokens(std::string_view src) { return ys::lang::dump_tokens(tokenize(src)); }

TEST(LexerTokens, Indentation) {
    EXPECT_EQ(tokens(R"PY(if x:
    y = 1
        # comment

    z = (1,
  2)
w
)PY"),
              R"TOK(NAME 'if' 1:0-1:2
NAME 'x' 1:3-1:4
OP ':' 1:4-1:5
NEWLINE '' 1:5-1:5
INDENT '' 2:4-2:4
NAME 'y' 2:4-2:5
OP '=' 2:6-2:7
NUMBER '1' 2:8-2:9
NEWLINE '' 2:9-2:9
NAME 'z' 5:4-5:5
OP '=' 5:6-5:7
OP '(' 5:8-5:9
NUMBER '1' 5:9-5:10
OP ',' 5:10-5:11
NUMBER '2' 6:2-6:3
OP ')' 6:3-6:4
NEWLINE '' 6:4-6:4
DEDENT '' 7:0-7:0
NAME 'w' 7:0-7:1
NEWLINE '' 7:1-7:1
ENDMARKER '' 7:0-7:0
)TOK");
}

TEST(LexerTokens, Continuation) {
    EXPECT_EQ(tokens(R"PY(x = 1 + \
    2
if a and \
   b:
	pass
)PY"),
              R"TOK(NAME 'x' 1:0-1:1
OP '=' 1:2-1:3
NUMBER '1' 1:4-1:5
OP '+' 1:6-1:7
NUMBER '2' 2:4-2:5
NEWLINE '' 2:5-2:5
NAME 'if' 3:0-3:2
NAME 'a' 3:3-3:4
NAME 'and' 3:5-3:8
NAME 'b' 4:3-4:4
OP ':' 4:4-4:5
NEWLINE '' 4:5-4:5
INDENT '' 5:1-5:1
NAME 'pass' 5:1-5:5
NEWLINE '' 5:5-5:5
DEDENT '' 5:0-5:0
ENDMARKER '' 5:0-5:0
)TOK");
}

TEST(LexerTokens, Numbers) {
    EXPECT_EQ(tokens(R"PY(n = 0x_1F + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + .5 + 5. + 1E10 + 0 + 00 + 1if x else 2
)PY"),
              R"TOK(NAME 'n' 1:0-1:1
OP '=' 1:2-1:3
NUMBER '0x_1F' 1:4-1:9
OP '+' 1:10-1:11
NUMBER '0o17' 1:12-1:16
OP '+' 1:17-1:18
NUMBER '0b1_0' 1:19-1:24
OP '+' 1:25-1:26
NUMBER '1_000' 1:27-1:32
OP '+' 1:33-1:34
NUMBER '1.5e-3' 1:35-1:41
OP '+' 1:42-1:43
NUMBER '.5' 1:44-1:46
OP '+' 1:47-1:48
NUMBER '5.' 1:49-1:51
OP '+' 1:52-1:53
NUMBER '1E10' 1:54-1:58
OP '+' 1:59-1:60
NUMBER '0' 1:61-1:62
OP '+' 1:63-1:64
NUMBER '00' 1:65-1:67
OP '+' 1:68-1:69
NUMBER '1' 1:70-1:71
NAME 'if' 1:71-1:73
NAME 'x' 1:74-1:75
NAME 'else' 1:76-1:80
NUMBER '2' 1:81-1:82
NEWLINE '' 1:82-1:82
ENDMARKER '' 1:0-1:0
)TOK");
}

TEST(LexerTokens, Strings) {
    EXPECT_EQ(tokens(R"PY(f"{x!r:>{w}}" rb"\d" Rf"{y}" b"\x00" """a
b""" '\''
)PY"),
              R"TOK(STRING 'f"{x!r:>{w}}"' 1:0-1:13
STRING 'rb"\d"' 1:14-1:20
STRING 'Rf"{y}"' 1:21-1:28
STRING 'b"\x00"' 1:29-1:36
STRING '"""a\nb"""' 1:37-2:4
STRING ''\''' 2:5-2:9
NEWLINE '' 2:9-2:9
ENDMARKER '' 2:0-2:0
)TOK");
}

TEST(LexerTokens, Operators) {
    EXPECT_EQ(tokens(R"PY(a->b; c:=d; e**=f; g//=h; i@j; k...; l != m; n >>= o; p <<= q
)PY"),
              R"TOK(NAME 'a' 1:0-1:1
OP '->' 1:1-1:3
NAME 'b' 1:3-1:4
OP ';' 1:4-1:5
NAME 'c' 1:6-1:7
OP ':=' 1:7-1:9
NAME 'd' 1:9-1:10
OP ';' 1:10-1:11
NAME 'e' 1:12-1:13
OP '**=' 1:13-1:16
NAME 'f' 1:16-1:17
OP ';' 1:17-1:18
NAME 'g' 1:19-1:20
OP '//=' 1:20-1:23
NAME 'h' 1:23-1:24
OP ';' 1:24-1:25
NAME 'i' 1:26-1:27
OP '@' 1:27-1:28
NAME 'j' 1:28-1:29
OP ';' 1:29-1:30
NAME 'k' 1:31-1:32
OP '...' 1:32-1:35
OP ';' 1:35-1:36
NAME 'l' 1:37-1:38
OP '!=' 1:39-1:41
NAME 'm' 1:42-1:43
OP ';' 1:43-1:44
NAME 'n' 1:45-1:46
OP '>>=' 1:47-1:50
NAME 'o' 1:51-1:52
OP ';' 1:52-1:53
NAME 'p' 1:54-1:55
OP '<<=' 1:56-1:59
NAME 'q' 1:60-1:61
NEWLINE '' 1:61-1:61
ENDMARKER '' 1:0-1:0
)TOK");
}

TEST(LexerTokens, Utf8Columns) {
    EXPECT_EQ(tokens(R"PY(é = "ü"; ñ += 1
)PY"),
              R"TOK(NAME 'é' 1:0-1:2
OP '=' 1:3-1:4
STRING '"ü"' 1:5-1:9
OP ';' 1:9-1:10
NAME 'ñ' 1:11-1:13
OP '+=' 1:14-1:16
NUMBER '1' 1:17-1:18
NEWLINE '' 1:18-1:18
ENDMARKER '' 1:0-1:0
)TOK");
}

TEST(LexerTokens, NoTrailingNewline) {
    EXPECT_EQ(tokens(R"PY(x = 1)PY"),
              R"TOK(NAME 'x' 1:0-1:1
OP '=' 1:2-1:3
NUMBER '1' 1:4-1:5
NEWLINE '' 1:5-1:5
ENDMARKER '' 1:0-1:0
)TOK");
}

TEST(LexerTokens, DedentAtEnd) {
    EXPECT_EQ(tokens(R"PY(if x:
    pass)PY"),
              R"TOK(NAME 'if' 1:0-1:2
NAME 'x' 1:3-1:4
OP ':' 1:4-1:5
NEWLINE '' 1:5-1:5
INDENT '' 2:4-2:4
NAME 'pass' 2:4-2:8
NEWLINE '' 2:8-2:8
DEDENT '' 2:0-2:0
ENDMARKER '' 2:0-2:0
)TOK");
}
TEST(LexerTokens, CrLfIsNormalised) {
    EXPECT_EQ(tokens("x = 1\r\ny = 2\r"), tokens("x = 1\ny = 2\n"));
}

TEST(LexerTokens, KeywordsAreTagged) {
    auto r = tokenize("yield from async await None nonlocal x\n");
    ASSERT_GE(r.tokens.size(), 7u);
    EXPECT_EQ(r.tokens[0].kw, ys::lang::Kw::Yield);
    EXPECT_EQ(r.tokens[1].kw, ys::lang::Kw::From);
    EXPECT_EQ(r.tokens[2].kw, ys::lang::Kw::Async);
    EXPECT_EQ(r.tokens[3].kw, ys::lang::Kw::Await);
    EXPECT_EQ(r.tokens[4].kw, ys::lang::Kw::NoneKw);
    EXPECT_EQ(r.tokens[5].kw, ys::lang::Kw::Nonlocal);
    EXPECT_EQ(r.tokens[6].kw, ys::lang::Kw::None);
}

TEST(LexerTokens, BracketLevel) {
    auto r = tokenize("f([a], {b})\n");
    std::string levels;
    for (const auto& t : r.tokens) levels += std::to_string(t.level);
    // f ( [ a ] , { b } ) NEWLINE ENDMARKER
    EXPECT_EQ(levels, "012211221000");
}

TEST(LexerTokens, BlankAndCommentLinesInsideBlocks) {
    EXPECT_EQ(tokens("def f():\n\n    # c\n    return 1\n\n# end\n"),
              "NAME 'def' 1:0-1:3\nNAME 'f' 1:4-1:5\nOP '(' 1:5-1:6\nOP ')' 1:6-1:7\nOP ':' 1:7-1:8\n"
              "NEWLINE '' 1:8-1:8\nINDENT '' 4:4-4:4\nNAME 'return' 4:4-4:10\nNUMBER '1' 4:11-4:12\n"
              "NEWLINE '' 4:12-4:12\nDEDENT '' 6:0-6:0\nENDMARKER '' 6:0-6:0\n");
}

// ---- errors ----------------------------------------------------------------------------

TEST(LexerErrors, UnterminatedString) {
    auto r = tokenize("x = 'abc\ny = 2\n");
    EXPECT_EQ(r.error.kind, LexErrorKind::Raised);
    EXPECT_EQ(r.error.info.msg, "unterminated string literal (detected at line 1)");
    EXPECT_EQ(r.error.info.lineno, 1);
    EXPECT_EQ(r.error.info.offset, 5);
}

TEST(LexerErrors, UnterminatedTripleQuotedString) {
    auto r = tokenize("x = 1\ns = '''abc\n\ndef\n");
    EXPECT_EQ(r.error.info.msg, "unterminated triple-quoted string literal (detected at line 4)");
    EXPECT_EQ(r.error.info.lineno, 2);
    EXPECT_EQ(r.error.info.offset, 5);
    EXPECT_EQ(r.error.info.text, "s = '''abc");
}

TEST(LexerErrors, BadNumbers) {
    EXPECT_EQ(tokenize("1abc\n").error.info.msg, "invalid decimal literal");
    EXPECT_EQ(tokenize("0x\n").error.info.msg, "invalid hexadecimal literal");
    EXPECT_EQ(tokenize("0o8\n").error.info.msg, "invalid digit '8' in octal literal");
    EXPECT_EQ(tokenize("0b102\n").error.info.msg, "invalid digit '2' in binary literal");
    EXPECT_EQ(tokenize("1__0\n").error.info.msg, "invalid decimal literal");
    EXPECT_EQ(tokenize("012\n").error.info.msg,
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    // a keyword right after a number is allowed (a deprecation warning in 3.11)
    EXPECT_EQ(tokenize("1if x else 2\n").error.kind, LexErrorKind::None);
}

TEST(LexerErrors, Indentation) {
    auto dedent = tokenize("if x:\n    a\n  b\n");
    EXPECT_EQ(dedent.error.kind, LexErrorKind::Dedent);
    EXPECT_EQ(dedent.error.info.type, "IndentationError");
    EXPECT_EQ(dedent.error.info.msg, "unindent does not match any outer indentation level");
    auto tabs = tokenize("if x:\n        a\n\tb\n");
    EXPECT_EQ(tabs.error.info.type, "TabError");
    EXPECT_EQ(tabs.error.info.msg, "inconsistent use of tabs and spaces in indentation");
}

TEST(LexerErrors, Brackets) {
    auto open = tokenize("x = [1,\n  2\n");
    EXPECT_EQ(open.error.kind, LexErrorKind::EofInBrackets);
    EXPECT_EQ(open.error.info.msg, "'[' was never closed");
    EXPECT_EQ(open.error.bracket_line, 1);
    EXPECT_EQ(tokenize("x = )\n").error.info.msg, "unmatched ')'");
    EXPECT_EQ(tokenize("x = (]\n").error.info.msg, "closing parenthesis ']' does not match opening parenthesis '('");
    EXPECT_EQ(tokenize("x = (\n]\n").error.info.msg,
              "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    EXPECT_EQ(tokenize(std::string(300, '(')).error.info.msg, "too many nested parentheses");
}

TEST(LexerErrors, Characters) {
    EXPECT_EQ(tokenize("x = 1 \xe2\x82\xac 2\n").error.info.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
    EXPECT_EQ(tokenize("x = 1 \\ 2\n").error.info.msg, "unexpected character after line continuation character");
    EXPECT_EQ(tokenize(std::string("x = 1\0\n", 7)).error.info.msg, "source code cannot contain null bytes");
    EXPECT_EQ(tokenize("x = '\xff'\n").error.info.msg.substr(0, 32), "Non-UTF-8 code starting with '\\x");
}

}  // namespace
