// The tokenizer: a transcription of the parts of CPython 3.11's Parser/tokenizer.c
// (tok_get) that the subset needs. Comments name the CPython behaviour being copied.
// This file has the main loop (comments, newlines, brackets, operators) and the
// public entry points; see lexer_impl.h for the rest.
#include "lang/lexer.h"

#include <cstdio>
#include <cstring>

#include "lang/lexer_impl.h"

namespace ys::lang {

namespace {

struct OpEntry {
    std::string_view text;
    Op op;
};

// Longest first, so the first match wins.
constexpr OpEntry kOps3[] = {
    {"**=", Op::DoubleStarEqual}, {"//=", Op::DoubleSlashEqual}, {"<<=", Op::LeftShiftEqual},
    {">>=", Op::RightShiftEqual}, {"...", Op::Ellipsis},
};
constexpr OpEntry kOps2[] = {
    {"!=", Op::NotEqual}, {"%=", Op::PercentEqual}, {"&=", Op::AmperEqual}, {"**", Op::DoubleStar},
    {"*=", Op::StarEqual}, {"+=", Op::PlusEqual}, {"-=", Op::MinEqual}, {"->", Op::RArrow},
    {"//", Op::DoubleSlash}, {"/=", Op::SlashEqual}, {":=", Op::ColonEqual}, {"<<", Op::LeftShift},
    {"<=", Op::LessEqual}, {"==", Op::EqEqual}, {">=", Op::GreaterEqual}, {">>", Op::RightShift},
    {"@=", Op::AtEqual}, {"^=", Op::CircumflexEqual}, {"|=", Op::VBarEqual},
};

Op one_char_op(int c) {
    switch (c) {
        case '(': return Op::LPar;
        case ')': return Op::RPar;
        case '[': return Op::LSqb;
        case ']': return Op::RSqb;
        case '{': return Op::LBrace;
        case '}': return Op::RBrace;
        case ':': return Op::Colon;
        case ',': return Op::Comma;
        case ';': return Op::Semi;
        case '+': return Op::Plus;
        case '-': return Op::Minus;
        case '*': return Op::Star;
        case '/': return Op::Slash;
        case '|': return Op::VBar;
        case '&': return Op::Amper;
        case '<': return Op::Less;
        case '>': return Op::Greater;
        case '=': return Op::Equal;
        case '.': return Op::Dot;
        case '%': return Op::Percent;
        case '~': return Op::Tilde;
        case '^': return Op::Circumflex;
        case '@': return Op::At;
        default: return Op::Unknown;
    }
}

}  // namespace

namespace lex_detail {

int decode_utf8(std::string_view s, size_t i, uint32_t* cp) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    int len;
    uint32_t v;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (int k = 1; k < len; ++k) {
        unsigned char d = b(i + k);
        if ((d & 0xC0) != 0x80) return 0;
        v = (v << 6) | (d & 0x3F);
    }
    if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return len;
}

int Lexer::lineno_of(size_t offset) const {
    // Tokens come in source order, so a cursor that walks from the last answer is
    // almost always one or two steps away.
    const auto& ls = out_.line_starts;
    size_t i = line_cursor_;
    while (i + 1 < ls.size() && ls[i + 1] <= offset) ++i;
    while (i > 0 && ls[i] > offset) --i;
    line_cursor_ = i;
    return static_cast<int>(i) + 1;
}

void Lexer::emit(TokenKind kind, size_t start, size_t end, Op op, Kw kw) {
    Token t;
    t.kind = kind;
    t.op = op;
    t.kw = kw;
    t.level = static_cast<uint8_t>(brackets_.size());
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.lineno = lineno_of(start);
    size_t ls = out_.line_starts[static_cast<size_t>(t.lineno) - 1];
    size_t next = static_cast<size_t>(t.lineno) < out_.line_starts.size() ? out_.line_starts[static_cast<size_t>(t.lineno)]
                                                                          : SIZE_MAX;
    t.col = static_cast<int>(start - ls);
    if (end == start || end - 1 < next) {
        t.end_lineno = t.lineno;
        t.end_col = static_cast<int>(end - ls);
    } else {
        t.end_lineno = lineno_of(end - 1);
        t.end_col = static_cast<int>(end - out_.line_starts[t.end_lineno - 1]);
    }
    out_.tokens.push_back(t);
}

void Lexer::emit_at(TokenKind kind, size_t offset) { emit(kind, offset, offset); }

void Lexer::stop(LexErrorKind kind, int lineno, int offset, int end_offset, std::string msg,
                 std::string type) {
    if (done_) return;
    done_ = true;
    out_.error.kind = kind;
    SyntaxErrorInfo& e = out_.error.info;
    e.type = std::move(type);
    e.msg = std::move(msg);
    e.lineno = lineno;
    e.end_lineno = lineno;
    std::string_view text = out_.line(lineno);
    e.text = std::string(text);
    e.offset = offset > 0 ? byte_to_char_offset(text, offset) : offset;
    e.end_offset = end_offset > 0 ? byte_to_char_offset(text, end_offset) : end_offset;
}

void Lexer::raise(int lineno, int offset, int end_offset, std::string msg, std::string type) {
    stop(LexErrorKind::Raised, lineno, offset, end_offset, std::move(msg), std::move(type));
}

bool Lexer::get_token() {
    int c;
nextline:
    blankline_ = false;
    if (atbol_) {
        atbol_ = false;
        if (!indentation()) return false;
    }
    // Pending indents and dedents.
    if (pendin_ != 0) {
        // at the end of the file: column 0 of the last line
        size_t at = cur_ >= src_.size() ? out_.line_starts.back() : cur_;
        if (pendin_ < 0) {
            ++pendin_;
            emit_at(TokenKind::Dedent, at);
        } else {
            --pendin_;
            emit_at(TokenKind::Indent, at);
        }
        return true;
    }

again:
    do {
        c = nextc();
    } while (c == ' ' || c == '\t' || c == '\014');
    size_t start = cur_ - 1;
    if (c == '#') {
        while (c != -1 && c != '\n') c = nextc();
    }
    if (c == -1) {
        if (!brackets_.empty()) {
            const Bracket& b = brackets_.back();
            std::string msg = std::string("'") + b.c + "' was never closed";
            stop(LexErrorKind::EofInBrackets, b.line, b.col + 1, 0, msg, "SyntaxError");
            out_.error.bracket_line = b.line;
            return false;
        }
        emit_at(TokenKind::EndMarker, out_.line_starts.back());
        return false;
    }
    if (is_id_start(c)) return lex_identifier(c, start);
    if (c == '\n') {
        atbol_ = true;
        if (blankline_ || !brackets_.empty()) goto nextline;
        cont_line_ = false;
        // CPython leaves the '\n' out of the NEWLINE token, which starts where the
        // blanks before it end: at a comment, if there is one.
        emit(TokenKind::Newline, start, cur_ - 1);
        return true;
    }
    if (c == '.') {
        c = nextc();
        if (is_digit(c)) {
            // a float like .5: reuse the fraction path
            backup(c);
            int d = decimal_tail();
            if (d == 0) return false;
            // exponent / imaginary handling: mimic by re-entering with a fake path
            c = d;
            if (c == 'e' || c == 'E') {
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
                c = nextc();
                if (!verify_end_of_number(c, "imaginary")) return false;
            } else if (!verify_end_of_number(c, "decimal")) {
                return false;
            }
            backup(c);
            emit(TokenKind::Number, start, cur_);
            return true;
        }
        if (c == '.') {
            int d = nextc();
            if (d == '.') {
                emit(TokenKind::Op, start, cur_, Op::Ellipsis);
                return true;
            }
            backup(d);
        }
        backup(c);
        emit(TokenKind::Op, start, cur_, Op::Dot);
        return true;
    }
    if (is_digit(c)) return lex_number(c, start);
    if (c == '\'' || c == '"') return lex_string(c, start);
    if (c == '\\') {
        c = nextc();
        if (c != '\n') {
            // E_LINECONT: reported at the character after the backslash.
            int line = lineno_of(start);
            size_t ls = out_.line_starts[line - 1];
            int off = static_cast<int>(cur_ - ls);
            if (c == -1) {
                stop(LexErrorKind::Eof, line, off, -1, "unexpected EOF while parsing", "SyntaxError");
                return false;
            }
            stop(LexErrorKind::Other, line, off, 0, "unexpected character after line continuation character",
                 "SyntaxError");
            return false;
        }
        c = nextc();
        if (c == -1) {
            int line = lineno_of(src_.size() - 1);
            int end = static_cast<int>(out_.line(line).size()) + 1;
            stop(LexErrorKind::Eof, line, end, end, "unexpected EOF while parsing", "SyntaxError");
            return false;
        }
        backup(c);
        cont_line_ = true;
        goto again;
    }
    // Operators: three, two, then one character.
    {
        int c2 = cur_ < src_.size() ? static_cast<unsigned char>(src_[cur_]) : -1;
        int c3 = cur_ + 1 < src_.size() ? static_cast<unsigned char>(src_[cur_ + 1]) : -1;
        Op op = Op::None;
        int len = 0;
        auto two = [&](int second, Op o) {
            if (len == 0 && c2 == second) {
                op = o;
                len = 2;
            }
        };
        switch (c) {
            case '*':
                if (c2 == '*' && c3 == '=') op = Op::DoubleStarEqual, len = 3;
                two('*', Op::DoubleStar);
                two('=', Op::StarEqual);
                break;
            case '/':
                if (c2 == '/' && c3 == '=') op = Op::DoubleSlashEqual, len = 3;
                two('/', Op::DoubleSlash);
                two('=', Op::SlashEqual);
                break;
            case '<':
                if (c2 == '<' && c3 == '=') op = Op::LeftShiftEqual, len = 3;
                two('<', Op::LeftShift);
                two('=', Op::LessEqual);
                break;
            case '>':
                if (c2 == '>' && c3 == '=') op = Op::RightShiftEqual, len = 3;
                two('>', Op::RightShift);
                two('=', Op::GreaterEqual);
                break;
            case '!': two('=', Op::NotEqual); break;
            case '%': two('=', Op::PercentEqual); break;
            case '&': two('=', Op::AmperEqual); break;
            case '+': two('=', Op::PlusEqual); break;
            case '-':
                two('=', Op::MinEqual);
                two('>', Op::RArrow);
                break;
            case ':': two('=', Op::ColonEqual); break;
            case '=': two('=', Op::EqEqual); break;
            case '@': two('=', Op::AtEqual); break;
            case '^': two('=', Op::CircumflexEqual); break;
            case '|': two('=', Op::VBarEqual); break;
            default: break;
        }
        if (len > 0) {
            cur_ = start + static_cast<size_t>(len);
            emit(TokenKind::Op, start, cur_, op);
            return true;
        }
    }
    switch (c) {
        case '(':
        case '[':
        case '{': {
            if (static_cast<int>(brackets_.size()) >= kMaxLevel) {
                raise_here("too many nested parentheses");
                return false;
            }
            int line = lineno_of(start);
            brackets_.push_back({static_cast<char>(c), line, static_cast<int>(start - out_.line_starts[line - 1])});
            break;
        }
        case ')':
        case ']':
        case '}': {
            if (brackets_.empty()) {
                raise_here(std::string("unmatched '") + static_cast<char>(c) + "'");
                return false;
            }
            Bracket open = brackets_.back();
            brackets_.pop_back();
            if (!((open.c == '(' && c == ')') || (open.c == '[' && c == ']') || (open.c == '{' && c == '}'))) {
                int line = lineno_of(start);
                std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                                  "' does not match opening parenthesis '" + open.c + "'";
                if (open.line != line) msg += " on line " + std::to_string(open.line);
                raise_here(msg);
                return false;
            }
            break;
        }
        default:
            break;
    }
    if (c < 128 && c != '\t' && (c < 32 || c == 127)) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%04X", c);
        raise_here(std::string("invalid non-printable character U+") + hex);
        return false;
    }
    if (c >= 128) {
        // A non-ASCII character that cannot start a name was caught above; anything
        // here is a stray continuation byte.
        raise_here("invalid character");
        return false;
    }
    emit(TokenKind::Op, start, cur_, one_char_op(c));
    return true;
}

void Lexer::run() {
    while (!done_ && get_token()) {
    }
    // After a normal end, DEDENTs are emitted before ENDMARKER by the indentation
    // pass (EOF counts as column 0), so nothing is left to do here.
}

}  // namespace lex_detail

using lex_detail::decode_utf8;
using lex_detail::Lexer;

namespace {

std::string encoding_error_message(unsigned char byte, int line) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02x", byte);
    return std::string("Non-UTF-8 code starting with '\\x") + hex + "' in file %FILE% on line " +
           std::to_string(line) + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
}

}  // namespace

std::string_view LexResult::line(int lineno) const {
    if (lineno < 1 || static_cast<size_t>(lineno) > line_starts.size()) return {};
    size_t start = line_starts[static_cast<size_t>(lineno) - 1];
    size_t end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    return std::string_view(source).substr(start, end - start);
}

int byte_to_char_offset(std::string_view line, int byte_offset) {
    if (byte_offset <= 0) return byte_offset;
    size_t n = static_cast<size_t>(byte_offset);
    if (n > line.size() + 1) n = line.size() + 1;
    // Count characters in the first n bytes (the byte after the line counts as one).
    int chars = 0;
    size_t i = 0;
    while (i < n) {
        if (i >= line.size()) {
            ++chars;
            ++i;
            continue;
        }
        uint32_t cp;
        int len = decode_utf8(line, i, &cp);
        if (len == 0) len = 1;
        if (i + static_cast<size_t>(len) > n) {
            // a partial character decodes to one replacement character
            ++chars;
            break;
        }
        ++chars;
        i += static_cast<size_t>(len);
    }
    return chars;
}

LexResult tokenize(std::string_view source) {
    LexResult out;
    out.source.reserve(source.size() + 1);
    if (source.find('\r') == std::string_view::npos) {
        out.source.assign(source);
    } else {
        for (size_t i = 0; i < source.size(); ++i) {
            char c = source[i];
            if (c == '\r') {
                out.source.push_back('\n');
                if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
            } else {
                out.source.push_back(c);
            }
        }
    }
    // Skip a UTF-8 byte order mark.
    if (out.source.size() >= 3 && out.source.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        out.source.replace(0, 3, "   ");  // keep offsets stable
    }
    if (!out.source.empty() && out.source.back() != '\n') out.source.push_back('\n');
    out.line_starts.reserve(out.source.size() / 24 + 4);
    out.line_starts.push_back(0);
    for (size_t i = out.source.find('\n'); i != std::string::npos; i = out.source.find('\n', i + 1)) {
        if (i + 1 < out.source.size()) out.line_starts.push_back(static_cast<uint32_t>(i + 1));
    }
    out.tokens.reserve(out.source.size() / 3 + 8);

    // Whole-file checks CPython makes before tokenizing: NUL bytes, then UTF-8.
    size_t nul = out.source.find('\0');
    {
        std::string_view s = out.source;
        size_t i = 0;
        int line = 1;
        while (i < s.size() && i < nul) {
            unsigned char ch = static_cast<unsigned char>(s[i]);
            if (ch == '\n') {
                ++line;
                ++i;
                continue;
            }
            if (ch < 0x80) {
                ++i;
                while (i < s.size() && i < nul && static_cast<unsigned char>(s[i]) < 0x80 && s[i] != '\n') ++i;
                continue;
            }
            uint32_t cp;
            int len = decode_utf8(s, i, &cp);
            if (len == 0) {
                out.error.kind = LexErrorKind::Raised;
                out.error.info.msg = encoding_error_message(ch, line);
                out.error.info.lineno = 0;
                return out;
            }
            i += static_cast<size_t>(len);
        }
    }
    if (nul != std::string::npos) {
        out.error.kind = LexErrorKind::Raised;
        out.error.info.msg = "source code cannot contain null bytes";
        // The line holding the NUL, cut at the NUL as CPython's C string is.
        int line = 1;
        for (size_t i = 0; i < nul; ++i) {
            if (out.source[i] == '\n') ++line;
        }
        out.error.info.lineno = line;
        out.error.info.end_lineno = line;
        std::string_view text = out.line(line);
        size_t cut = text.find('\0');
        out.error.info.text = std::string(text.substr(0, cut));
        out.error.info.offset = 0;
        out.error.info.end_offset = 0;
        return out;
    }

    if (out.source.empty()) {
        Token t;
        t.kind = TokenKind::EndMarker;
        t.lineno = t.end_lineno = 1;
        out.line_starts = {0};
        out.tokens.push_back(t);
        return out;
    }
    Lexer lexer(out);
    lexer.run();
    return out;
}

std::string_view op_spelling(Op op) {
    for (const auto& e : kOps3) {
        if (e.op == op) return e.text;
    }
    for (const auto& e : kOps2) {
        if (e.op == op) return e.text;
    }
    static const char* const kOne = "()[]{}:,;+-*/|&<>=.%~^@";
    for (const char* p = kOne; *p; ++p) {
        if (one_char_op(*p) == op) return std::string_view(p, 1);
    }
    return "?";
}

std::string_view token_kind_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::EndMarker: return "ENDMARKER";
        case TokenKind::Name: return "NAME";
        case TokenKind::Number: return "NUMBER";
        case TokenKind::String: return "STRING";
        case TokenKind::Newline: return "NEWLINE";
        case TokenKind::Indent: return "INDENT";
        case TokenKind::Dedent: return "DEDENT";
        case TokenKind::Op: return "OP";
    }
    return "?";
}

std::string dump_tokens(const LexResult& result) {
    std::string out;
    for (const Token& t : result.tokens) {
        out += token_kind_name(t.kind);
        out += " '";
        if (t.kind != TokenKind::Newline) {
            for (char c : t.text(result.source)) {
                if (c == '\n') out += "\\n";
                else out.push_back(c);
            }
        }
        out += "' ";
        out += std::to_string(t.lineno) + ":" + std::to_string(t.col) + "-" + std::to_string(t.end_lineno) + ":" +
               std::to_string(t.end_col) + "\n";
    }
    if (result.error.kind != LexErrorKind::None) {
        out += "ERROR " + result.error.info.type + ": " + result.error.info.msg + "\n";
    }
    return out;
}

}  // namespace ys::lang
