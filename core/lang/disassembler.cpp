// `python3 -m dis` for our code objects, following CPython 3.11's Lib/dis.py
// (_disassemble_bytes, Instruction._disassemble, _disassemble_recursive).
#include "lang/disassembler.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "lang/opcodes.h"

namespace ys {

namespace {

std::string float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    bool neg = false;
    if (!s.empty() && s[0] == '-') {
        neg = true;
        s.erase(0, 1);
    }
    auto epos = s.find('e');
    std::string mant = s.substr(0, epos);
    int exp = std::stoi(s.substr(epos + 1));
    std::string digits;
    for (char ch : mant)
        if (ch != '.') digits += ch;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp < -4 || exp >= 16) {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char ebuf[16];
        std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += ebuf;
    } else if (exp < 0) {
        out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    } else {
        size_t int_len = static_cast<size_t>(exp) + 1;
        if (digits.size() <= int_len) {
            out = digits + std::string(int_len - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, int_len) + "." + digits.substr(int_len);
        }
    }
    return neg ? "-" + out : out;
}

// Code points str.isprintable() rejects among those a program is likely to hold: C0/C1
// controls, NBSP, soft hyphen, the zero-width and line/paragraph separators, BOM.
bool unprintable(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad || (cp >= 0x2000 && cp <= 0x200f) ||
           (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 || cp == 0xfeff ||
           (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xe000 && cp <= 0xf8ff) || cp == 0x1680 || cp == 0x180e ||
           (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe || cp >= 0xf0000 || (cp >= 0xe0000 && cp <= 0xe0fff);
}

std::string str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (size_t i = 0; i < s.size();) {
        unsigned char ch = static_cast<unsigned char>(s[i]);
        size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        if (i + len > s.size()) len = 1;
        uint32_t cp = ch;
        if (len == 2) cp = ((ch & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
        if (len == 3)
            cp = ((ch & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        if (len == 4)
            cp = ((ch & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                 ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
        char buf[16];
        if (cp == static_cast<unsigned char>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (unprintable(cp)) {
            if (cp <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            else if (cp <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        } else {
            out.append(s, i, len);
        }
        i += len;
    }
    out += quote;
    return out;
}

std::string code_repr(const CodeObject& code) {
    char addr[32];
    std::snprintf(addr, sizeof addr, "%p", static_cast<const void*>(&code));
    return "<code object " + code.co_name + " at " + addr + ", file \"" + code.co_filename + "\", line " +
           std::to_string(code.co_firstlineno) + ">";
}

// The iteration order of a small frozenset of ints in CPython (hash = value, open
// addressing with linear probing in a table that starts at 8 slots).
std::vector<const Constant*> frozenset_order(const Constant& c) {
    std::vector<const Constant*> items;
    for (const auto& it : c.items) items.push_back(&it);
    for (const auto* it : items)
        if (it->kind != Constant::Kind::Int || it->int_value < 0) return items;
    size_t size = 8;
    std::vector<const Constant*> table;
    auto insert = [&](std::vector<const Constant*>& t, const Constant* item) {
        size_t mask = t.size() - 1;
        size_t i = static_cast<size_t>(item->int_value) & mask;
        while (t[i]) {
            if (t[i]->int_value == item->int_value) return false;
            i = (i + 1) & mask;
        }
        t[i] = item;
        return true;
    };
    table.assign(size, nullptr);
    size_t fill = 0;
    for (const auto* item : items) {
        if (insert(table, item)) ++fill;
        if (fill * 5 >= (size - 1) * 3) {
            size_t newsize = 8;
            while (newsize <= fill * 4) newsize <<= 1;
            std::vector<const Constant*> bigger(newsize, nullptr);
            for (const auto* old : table)
                if (old) insert(bigger, old);
            table = std::move(bigger);
            size = newsize;
        }
    }
    std::vector<const Constant*> out;
    for (const auto* t : table)
        if (t) out.push_back(t);
    return out;
}

}  // namespace

std::string constant_repr(const Constant& c) {
    using K = Constant::Kind;
    switch (c.kind) {
    case K::None: return "None";
    case K::True: return "True";
    case K::False: return "False";
    case K::Ellipsis: return "Ellipsis";
    case K::Int: return std::to_string(c.int_value);
    case K::BigInt: return c.text;
    case K::Float: return float_repr(c.float_value);
    case K::Str: return str_repr(c.text);
    case K::Tuple: {
        std::string out = "(";
        for (size_t i = 0; i < c.items.size(); ++i) {
            if (i) out += ", ";
            out += constant_repr(c.items[i]);
        }
        if (c.items.size() == 1) out += ",";
        return out + ")";
    }
    case K::FrozenSet: {
        if (c.items.empty()) return "frozenset()";
        std::string out = "frozenset({";
        auto order = frozenset_order(c);
        for (size_t i = 0; i < order.size(); ++i) {
            if (i) out += ", ";
            out += constant_repr(*order[i]);
        }
        return out + "})";
    }
    case K::Code:
        return c.code ? code_repr(*c.code) : "<code object>";
    }
    return "?";
}

namespace {

struct Ins {
    int offset;  // bytes
    int opcode;
    int arg;     // -1 when none
    std::string argrepr;
    int starts_line;  // -1 when none
    bool is_target;
};

bool has_const(Op o) { return o == Op::LOAD_CONST; }
bool has_name(Op o) {
    switch (o) {
    case Op::STORE_NAME: case Op::DELETE_NAME: case Op::STORE_ATTR: case Op::DELETE_ATTR:
    case Op::STORE_GLOBAL: case Op::DELETE_GLOBAL: case Op::LOAD_NAME: case Op::LOAD_ATTR:
    case Op::IMPORT_NAME: case Op::IMPORT_FROM: case Op::LOAD_GLOBAL: case Op::LOAD_METHOD:
        return true;
    default:
        return false;
    }
}
bool has_local_or_free(Op o) {
    switch (o) {
    case Op::LOAD_FAST: case Op::STORE_FAST: case Op::DELETE_FAST: case Op::MAKE_CELL:
    case Op::LOAD_CLOSURE: case Op::LOAD_DEREF: case Op::STORE_DEREF: case Op::DELETE_DEREF:
    case Op::LOAD_CLASSDEREF:
        return true;
    default:
        return false;
    }
}

void disassemble_one(const CodeObject& code, const DisOptions& options, std::ostringstream& out) {
    const auto& bytes = code.co_code;
    int n = static_cast<int>(bytes.size());
    // line starts, per unit
    std::map<int, int> linestarts;
    int lastline = -2;
    bool have_last = false;
    for (int unit = 0; unit < n / 2; ++unit) {
        int line = unit < static_cast<int>(code.positions.size()) ? code.positions[static_cast<size_t>(unit)].line : -1;
        if (line < 0) continue;
        if (!have_last || line != lastline) {
            linestarts[unit * 2] = line;
            lastline = line;
            have_last = true;
        }
    }
    // labels
    std::set<int> labels;
    std::vector<Ins> ins;
    int extended = 0;
    for (int i = 0; i < n;) {
        int opcode = bytes[static_cast<size_t>(i)];
        const OpInfo& info = op_info(static_cast<unsigned char>(opcode));
        Ins in{i, opcode, -1, "", -1, false};
        if (opcode >= 90) {
            in.arg = bytes[static_cast<size_t>(i + 1)] | extended;
            extended = opcode == static_cast<int>(Op::EXTENDED_ARG) ? (in.arg << 8) : 0;
        } else {
            extended = 0;
        }
        if (in.arg >= 0 && (info.flags & OPF_JFWD)) labels.insert(i + 2 + in.arg * 2);
        if (in.arg >= 0 && (info.flags & OPF_JBACK)) labels.insert(i + 2 - in.arg * 2);
        ins.push_back(in);
        int caches = info.cache_entries;
        i += 2;
        for (int k = 0; k < caches && i < n; ++k) {
            if (options.show_caches) ins.push_back(Ins{i, 0, 0, "", -1, false});
            i += 2;
        }
    }
    for (const auto& e : code.exception_table) labels.insert(e.target * 2);

    int maxline = 0;
    for (const auto& [off, line] : linestarts) maxline = std::max(maxline, line);
    bool show_lineno = !linestarts.empty();
    int lineno_width = show_lineno ? (maxline >= 1000 ? static_cast<int>(std::to_string(maxline).size()) : 3) : 0;
    int maxoffset = n - 2;
    int offset_width = maxoffset >= 10000 ? static_cast<int>(std::to_string(maxoffset).size()) : 4;

    for (auto& in : ins) {
        auto ls = linestarts.find(in.offset);
        in.starts_line = ls != linestarts.end() ? ls->second : -1;
        in.is_target = labels.count(in.offset) > 0;
        Op o = static_cast<Op>(in.opcode);
        const OpInfo& info = op_info(static_cast<unsigned char>(in.opcode));
        if (in.arg >= 0 && in.opcode != 0) {
            if (has_const(o)) {
                if (in.arg < static_cast<int>(code.co_consts.size()))
                    in.argrepr = constant_repr(code.co_consts[static_cast<size_t>(in.arg)]);
            } else if (has_name(o)) {
                if (o == Op::LOAD_GLOBAL) {
                    int idx = in.arg >> 1;
                    if (idx < static_cast<int>(code.co_names.size())) {
                        in.argrepr = code.co_names[static_cast<size_t>(idx)];
                        if (in.arg & 1) in.argrepr = "NULL + " + in.argrepr;
                    }
                } else if (in.arg < static_cast<int>(code.co_names.size())) {
                    in.argrepr = code.co_names[static_cast<size_t>(in.arg)];
                }
            } else if (info.flags & OPF_JFWD) {
                in.argrepr = "to " + std::to_string(in.offset + 2 + in.arg * 2);
            } else if (info.flags & OPF_JBACK) {
                in.argrepr = "to " + std::to_string(in.offset + 2 - in.arg * 2);
            } else if (has_local_or_free(o)) {
                if (in.arg < static_cast<int>(code.co_localsplusnames.size()))
                    in.argrepr = code.co_localsplusnames[static_cast<size_t>(in.arg)];
            } else if (o == Op::COMPARE_OP) {
                if (in.arg < 6) in.argrepr = kCmpOpText[in.arg];
            } else if (o == Op::FORMAT_VALUE) {
                static const char* conv[] = {"", "str", "repr", "ascii"};
                in.argrepr = conv[in.arg & 3];
                if (in.arg & 4) {
                    if (!in.argrepr.empty()) in.argrepr += ", ";
                    in.argrepr += "with format";
                }
            } else if (o == Op::MAKE_FUNCTION) {
                static const char* flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
                for (int k = 0; k < 4; ++k) {
                    if (in.arg & (1 << k)) {
                        if (!in.argrepr.empty()) in.argrepr += ", ";
                        in.argrepr += flags[k];
                    }
                }
            } else if (o == Op::BINARY_OP) {
                in.argrepr = nb_op_text(static_cast<unsigned>(in.arg));
            }
        }
    }

    for (const auto& in : ins) {
        if (show_lineno && in.starts_line >= 0 && in.offset > 0) out << "\n";
        std::string line;
        if (lineno_width) {
            if (in.starts_line >= 0) {
                std::string num = std::to_string(in.starts_line);
                line += std::string(static_cast<size_t>(std::max(0, lineno_width - static_cast<int>(num.size()))), ' ') + num;
            } else {
                line += std::string(static_cast<size_t>(lineno_width), ' ');
            }
            line += ' ';
        }
        line += "   ";
        line += ' ';
        line += in.is_target ? ">>" : "  ";
        line += ' ';
        std::string off = std::to_string(in.offset);
        line += std::string(static_cast<size_t>(std::max(0, offset_width - static_cast<int>(off.size()))), ' ') + off;
        line += ' ';
        const char* name = op_info(static_cast<unsigned char>(in.opcode)).name;
        std::string opname = name ? name : ("<" + std::to_string(in.opcode) + ">");
        if (opname.size() < 20) opname += std::string(20 - opname.size(), ' ');
        line += opname;
        if (in.arg >= 0) {
            std::string a = std::to_string(in.arg);
            line += ' ';
            line += std::string(static_cast<size_t>(std::max(0, 5 - static_cast<int>(a.size()))), ' ') + a;
            if (!in.argrepr.empty()) line += " (" + in.argrepr + ")";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
    }
    if (!code.exception_table.empty()) {
        out << "ExceptionTable:\n";
        for (const auto& e : code.exception_table) {
            out << "  " << e.start * 2 << " to " << e.end * 2 - 2 << " -> " << e.target * 2 << " [" << e.depth << "]"
                << (e.push_lasti ? " lasti" : "") << "\n";
        }
    }
}

void disassemble_recursive(const CodeObject& code, const DisOptions& options, std::ostringstream& out) {
    disassemble_one(code, options, out);
    if (!options.recursive) return;
    for (const auto& c : code.co_consts) {
        if (c.kind == Constant::Kind::Code && c.code) {
            out << "\nDisassembly of " << code_repr(*c.code) << ":\n";
            disassemble_recursive(*c.code, options, out);
        }
    }
}

}  // namespace

std::string disassemble(const CodeObject& code, const DisOptions& options) {
    std::ostringstream out;
    disassemble_recursive(code, options, out);
    return out.str();
}

}  // namespace ys
