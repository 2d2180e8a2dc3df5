// A compile-time error, reported the way CPython reports it:
//   File "prog.py", line 3
//     x = (1 +
//         ^
// SyntaxError: '(' was never closed
#pragma once

#include <string>

namespace ys {

struct SyntaxErrorInfo {
    std::string type = "SyntaxError";  // or "IndentationError", "TabError"
    std::string msg;
    std::string filename;
    int lineno = 0;
    int offset = 0;      // 1-based column of the caret start, as SyntaxError.offset
    int end_lineno = 0;
    int end_offset = 0;  // 1-based, exclusive, as SyntaxError.end_offset
    std::string text;    // the offending source line, without its newline
};

// The exact text CPython prints on stderr for an uncaught SyntaxError, ending in "\n".
std::string format_syntax_error(const SyntaxErrorInfo& error);

}  // namespace ys
