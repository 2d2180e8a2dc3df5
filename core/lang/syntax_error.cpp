// format_syntax_error: the text CPython 3.11 prints for an uncaught SyntaxError,
// transcribed from Python/pythonrun.c (print_exception, print_error_text).
#include "lang/syntax_error.h"

namespace ys {

namespace {

// print_error_text: the source line without its leading blanks, then a caret line.
// `text` is the line with its newline, as SyntaxError.text holds it.
void print_error_text(std::string& out, long offset, long end_offset, const std::string& line) {
    long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char* text = line.c_str();
    offset--;  // 1-based -> 0-based
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        ++text;
        --offset;
    }
    long len = static_cast<long>(line.size() - static_cast<size_t>(text - line.c_str()));
    if (len > 0 && text[len - 1] == '\n') --len;
    if (offset > len) offset = len;
    out += "    ";
    out += text;
    if (text[len] != '\n') out += "\n";
    if (offset < 0) return;
    out += "    ";
    out.append(static_cast<size_t>(offset), ' ');
    out.append(static_cast<size_t>(caret_repetitions), '^');
    out += "\n";
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& error) {
    std::string out;
    if (error.lineno > 0) {
        out += "  File \"" + (error.filename.empty() ? std::string("<string>") : error.filename) + "\", line " +
               std::to_string(error.lineno) + "\n";
        std::string text = error.text + "\n";
        long line_size = static_cast<long>(text.size());
        long offset = error.offset;
        long end_offset = error.end_offset;
        long end_lineno = error.end_lineno;
        // parse_syntax_error reads the end only for SyntaxError itself, not for its
        // subclasses (IndentationError, TabError): they get a single caret.
        if (error.type != "SyntaxError") {
            end_lineno = error.lineno;
            end_offset = -1;
        }
        // A multi-line location shows the first line, highlighted to its end.
        if (end_lineno > error.lineno) end_offset = line_size;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        print_error_text(out, offset, end_offset, text);
    }
    out += error.type + ": " + (error.msg.empty() ? std::string("<no detail available>") : error.msg) + "\n";
    return out;
}

}  // namespace ys
