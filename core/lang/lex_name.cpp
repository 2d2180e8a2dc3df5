// NAME tokens: identifiers (ASCII and non-ASCII, checked like str.isidentifier())
// and the keywords they may spell.
#include <string_view>

#include "lang/lexer_impl.h"

namespace ys::lang::lex_detail {

namespace {

struct KeywordEntry {
    std::string_view text;
    Kw kw;
};

constexpr KeywordEntry kKeywords[] = {
    {"False", Kw::False},   {"None", Kw::NoneKw},     {"True", Kw::True},
    {"and", Kw::And},       {"as", Kw::As},           {"assert", Kw::Assert},
    {"async", Kw::Async},   {"await", Kw::Await},     {"break", Kw::Break},
    {"class", Kw::Class},   {"continue", Kw::Continue}, {"def", Kw::Def},
    {"del", Kw::Del},       {"elif", Kw::Elif},       {"else", Kw::Else},
    {"except", Kw::Except}, {"finally", Kw::Finally}, {"for", Kw::For},
    {"from", Kw::From},     {"global", Kw::Global},   {"if", Kw::If},
    {"import", Kw::Import}, {"in", Kw::In},           {"is", Kw::Is},
    {"lambda", Kw::Lambda}, {"nonlocal", Kw::Nonlocal}, {"not", Kw::Not},
    {"or", Kw::Or},         {"pass", Kw::Pass},       {"raise", Kw::Raise},
    {"return", Kw::Return}, {"try", Kw::Try},         {"while", Kw::While},
    {"with", Kw::With},     {"yield", Kw::Yield},
};

Kw keyword_of(std::string_view text) {
    if (text.size() < 2 || text.size() > 8) return Kw::None;
    char c = text[0];
    if (!(c == 'F' || c == 'N' || c == 'T' || (c >= 'a' && c <= 'y'))) return Kw::None;
    for (const auto& entry : kKeywords) {
        if (entry.text[0] != c) continue;
        if (entry.text == text) return entry.kw;
    }
    return Kw::None;
}

// A rough stand-in for str.isidentifier() on one non-ASCII code point: letters of
// the common scripts are accepted, punctuation and symbols are not.
bool is_identifier_code_point(uint32_t cp) {
    if (cp < 0x80) return is_id_char(static_cast<int>(cp));
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return cp == 0x203F || cp == 0x2040 || (cp >= 0x2070 && cp <= 0x209F && cp != 0x207A && cp != 0x207B && cp != 0x207C && cp != 0x207D && cp != 0x207E) || (cp >= 0x2100 && cp <= 0x214F && cp != 0x2100);
    if (cp >= 0x3000 && cp <= 0x303F) return cp == 0x3005 || cp == 0x3006 || cp == 0x3007;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
    if (cp >= 0xFE00 && cp <= 0xFE0F) return true;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;    // private use
    return true;
}

}  // namespace

bool Lexer::lex_identifier(int c, size_t start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
        else break;
        c = nextc();
        if (c == '"' || c == '\'') return lex_string(c, start);
    }
    bool nonascii = false;
    while (c >= 0 && is_id_char(c)) {
        if (c >= 128) nonascii = true;
        c = nextc();
    }
    backup(c);
    if (nonascii) {
        // verify_identifier: report the first character that cannot be in a name.
        size_t i = start;
        while (i < cur_) {
            uint32_t cp = 0;
            int len = decode_utf8(src_, i, &cp);
            if (len == 0) len = 1;
            bool ok = i == start ? (cp >= 128 ? is_identifier_code_point(cp) : is_id_start(static_cast<int>(cp)))
                                 : is_identifier_code_point(cp);
            if (!ok) {
                int line = lineno_of(i);
                size_t ls = out_.line_starts[line - 1];
                char hex[16];
                std::snprintf(hex, sizeof hex, "%04X", cp);
                std::string ch(src_.substr(i, static_cast<size_t>(len)));
                int off = static_cast<int>(i - ls) + 1;
                raise(line, off, off, "invalid character '" + ch + "' (U+" + hex + ")");
                return false;
            }
            i += static_cast<size_t>(len);
        }
    }
    std::string_view text = src_.substr(start, cur_ - start);
    emit(TokenKind::Name, start, cur_, Op::None, keyword_of(text));
    return true;
}

}  // namespace ys::lang::lex_detail
