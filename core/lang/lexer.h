// Python 3.11 source -> tokens, following Parser/tokenizer.c: NEWLINE/INDENT/DEDENT
// from an indentation stack, implicit joining inside brackets, backslash continuation,
// numbers and strings checked the way CPython checks them. The whole source is
// tokenized at once; tokenizing stops at the first error, which the parser reports
// when (and if) it reaches that point, as CPython's parser does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/syntax_error.h"
#include "lang/token.h"

namespace ys::lang {

// Why tokenizing stopped early. CPython distinguishes errors its tokenizer raises at
// once (they win over a later parser error, see _PyPegen_tokenize_full_source_to_check_for_errors)
// from error states the parser turns into an exception when it fetches the token.
enum class LexErrorKind : uint8_t {
    None,
    Raised,         // syntaxerror() in tokenizer.c: unterminated string, bad number, ...
    EofInBrackets,  // end of file with an open bracket: "'(' was never closed"
    Eof,            // end of file after a backslash: "unexpected EOF while parsing"
    Dedent,         // "unindent does not match any outer indentation level"
    Other,          // TabError, too many levels of indentation, line continuation
};

struct LexError {
    LexErrorKind kind = LexErrorKind::None;
    SyntaxErrorInfo info;  // what is reported (filename left empty)
    int bracket_line = 0;  // EofInBrackets: line of the innermost open bracket
};

struct LexResult {
    // The source after newline normalisation (\r\n and \r become \n); token offsets
    // point into it.
    std::string source;
    // Tokens up to the error (if any), else ending with NEWLINE, DEDENTs, ENDMARKER.
    std::vector<Token> tokens;
    LexError error;
    // Byte offset where each line starts (line N starts at line_starts[N-1]).
    std::vector<uint32_t> line_starts;

    // The text of line `lineno` (1-based) without its newline; empty when out of range.
    std::string_view line(int lineno) const;
};

LexResult tokenize(std::string_view source);

// One token per line, "KIND 'text' l:c-l:c", for tests and `yieldscope tokens`.
std::string dump_tokens(const LexResult& result);

// Convert a 1-based byte offset in `line` into CPython's 1-based character offset
// (_PyPegen_byte_offset_to_character_offset).
int byte_to_char_offset(std::string_view line, int byte_offset);

}  // namespace ys::lang
