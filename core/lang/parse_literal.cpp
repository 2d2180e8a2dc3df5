// Literal values for the parser: NUMBER tokens to ConstantValue (ints past int64 kept as
// decimal digits), and the backslash escapes of string and bytes literals, as CPython's
// Parser/string_parser.c decodes them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"

namespace ys::parse_detail {

using ast::ConstantValue;

namespace {

// Big decimal digits of an integer given in `base` (digits only, no prefix/underscores).
std::string to_decimal(std::string_view digits, int base) {
    std::vector<uint32_t> limbs;  // base 1e9, little endian
    for (char ch : digits) {
        uint32_t d = static_cast<uint32_t>(ch >= '0' && ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
        uint64_t carry = d;
        for (auto& limb : limbs) {
            uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(base) + carry;
            limb = static_cast<uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    if (limbs.empty()) return "0";
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
        out += buf;
    }
    return out;
}

}  // namespace

ConstantValue number_value(std::string_view text) {
    ConstantValue v;
    std::string digits;
    digits.reserve(text.size());
    for (char ch : text) {
        if (ch != '_') digits.push_back(ch);
    }
    int base = 10;
    size_t skip = 0;
    if (digits.size() > 1 && digits[0] == '0') {
        char p = static_cast<char>(digits[1] | 0x20);
        if (p == 'x') base = 16, skip = 2;
        else if (p == 'o') base = 8, skip = 2;
        else if (p == 'b') base = 2, skip = 2;
    }
    bool is_float = false;
    if (base == 10) {
        for (char ch : digits) {
            if (ch == '.' || ch == 'e' || ch == 'E' || ch == 'j' || ch == 'J') is_float = true;
        }
    }
    if (is_float) {
        v.kind = ConstantValue::Kind::Float;
        std::string f = digits;
        if (!f.empty() && (f.back() == 'j' || f.back() == 'J')) f.pop_back();  // complex: not in the subset
        v.float_value = std::strtod(f.c_str(), nullptr);
        v.text = digits;
        return v;
    }
    std::string_view body = std::string_view(digits).substr(skip);
    // fits in int64?
    unsigned __int128 acc = 0;
    bool big = false;
    for (char ch : body) {
        unsigned d = static_cast<unsigned>(ch >= '0' && ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10);
        acc = acc * static_cast<unsigned>(base) + d;
        if (acc > static_cast<unsigned __int128>(INT64_MAX)) {
            big = true;
            break;
        }
    }
    if (!big) {
        v.kind = ConstantValue::Kind::Int;
        v.int_value = static_cast<int64_t>(acc);
        return v;
    }
    v.kind = ConstantValue::Kind::BigInt;
    v.text = to_decimal(body, base);
    // strip leading zeros
    size_t nz = v.text.find_first_not_of('0');
    v.text = nz == std::string::npos ? "0" : v.text.substr(nz);
    return v;
}



namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decode backslash escapes of a (non-raw) literal. Returns an empty optional-like
// flag through `err` with CPython's "(unicode error) ..." text when invalid.
}  // namespace

bool decode_escapes(std::string_view s, bool bytes, std::string& out, std::string& err) {
    out.reserve(out.size() + s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (i + 1 >= s.size()) {
            out.push_back('\\');
            break;
        }
        size_t esc_start = i;
        char n = s[++i];
        switch (n) {
            case '\n': break;
            case '\\': out.push_back('\\'); break;
            case '\'': out.push_back('\''); break;
            case '"': out.push_back('"'); break;
            case 'a': out.push_back('\a'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'v': out.push_back('\v'); break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                uint32_t v = static_cast<uint32_t>(n - '0');
                int count = 1;
                while (count < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
                    v = v * 8 + static_cast<uint32_t>(s[++i] - '0');
                    ++count;
                }
                if (bytes) out.push_back(static_cast<char>(v & 0xFF));
                else append_utf8(out, v);
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                if (bytes && n != 'x') {
                    out.push_back('\\');
                    out.push_back(n);
                    break;
                }
                uint32_t v = 0;
                int got = 0;
                while (got < len && i + 1 < s.size() && hexval(s[i + 1]) >= 0) {
                    v = v * 16 + static_cast<uint32_t>(hexval(s[++i]));
                    ++got;
                }
                if (got < len) {
                    const char* what = n == 'x' ? "truncated \\xXX escape" : n == 'u' ? "truncated \\uXXXX escape"
                                                                                  : "truncated \\UXXXXXXXX escape";
                    err = std::string("(") + (bytes ? "value error) invalid \\x escape at position " + std::to_string(esc_start)
                                                    : "unicode error) 'unicodeescape' codec can't decode bytes in position " +
                                                          std::to_string(esc_start) + "-" + std::to_string(i) + ": " + what);
                    return false;
                }
                if (bytes) {
                    out.push_back(static_cast<char>(v));
                } else if (v > 0x10FFFF) {
                    err = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                          std::to_string(esc_start) + "-" + std::to_string(i) + ": illegal Unicode character";
                    return false;
                } else {
                    append_utf8(out, v);
                }
                break;
            }
            default:
                // Unknown escapes keep the backslash (a DeprecationWarning in 3.11).
                out.push_back('\\');
                out.push_back(n);
                break;
        }
    }
    return true;
}


}  // namespace ys::parse_detail
