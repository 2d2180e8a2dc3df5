// INDENT and DEDENT: measuring the indentation at the start of a logical line against
// tokenizer.c's two stacks (columns with tabs to 8, and with tabs as 1, which must
// agree or it is a TabError).
#include <string>
#include <string_view>

#include "lang/lexer_impl.h"

namespace ys::lang::lex_detail {

bool Lexer::indentation() {
    int c;
    int col = 0, altcol = 0;
    for (;;) {
        c = nextc();
        if (c == ' ') {
            ++col;
            ++altcol;
        } else if (c == '\t') {
            col = (col / kTabSize + 1) * kTabSize;
            altcol = altcol + 1;
        } else if (c == '\014') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    backup(c);
    if (c == '#' || c == '\n') {
        blankline_ = true;
    }
    if (!blankline_ && brackets_.empty()) {
        size_t here = cur_;
        int line = lineno_of(here >= src_.size() ? src_.size() - 1 : here);
        size_t ls = out_.line_starts[line - 1];
        int at = static_cast<int>(here - ls);
        if (c == -1) {
            col = altcol = 0;
        }
        auto tab_error = [&] {
            stop(LexErrorKind::Other, line, at, -1, "inconsistent use of tabs and spaces in indentation", "TabError");
        };
        if (col == indstack_.back()) {
            if (altcol != altindstack_.back()) {
                tab_error();
                return false;
            }
        } else if (col > indstack_.back()) {
            if (static_cast<int>(indstack_.size()) >= kMaxIndent) {
                stop(LexErrorKind::Other, line, at, -1, "too many levels of indentation", "IndentationError");
                return false;
            }
            if (altcol <= altindstack_.back()) {
                tab_error();
                return false;
            }
            ++pendin_;
            indstack_.push_back(col);
            altindstack_.push_back(altcol);
        } else {
            while (indstack_.size() > 1 && col < indstack_.back()) {
                --pendin_;
                indstack_.pop_back();
                altindstack_.pop_back();
            }
            if (col != indstack_.back()) {
                // CPython reports this at the end of the offending line.
                std::string_view text = out_.line(line);
                int end = static_cast<int>(text.size()) + 1;
                stop(LexErrorKind::Dedent, line, end, end,
                     "unindent does not match any outer indentation level", "IndentationError");
                return false;
            }
            if (altcol != altindstack_.back()) {
                tab_error();
                return false;
            }
        }
    }
    return true;
}

}  // namespace ys::lang::lex_detail
