// Code objects and values as JSON (both forms store code objects this way), and the
// checked JSON access both readers use. See FORMAT.md.
#include <cstdio>

#include "trace/trace_io_internal.h"

namespace ys::trace {

namespace io_detail {

void malformed(const std::string& where, const std::string& what) {
    throw TraceError(TraceErrorKind::Malformed, where, what);
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

namespace {

// ---------------------------------------------------------------- code objects as JSON

const char* const_tag(Constant::Kind k) {
    switch (k) {
        case Constant::Kind::None: return "None";
        case Constant::Kind::True: return "True";
        case Constant::Kind::False: return "False";
        case Constant::Kind::Ellipsis: return "Ellipsis";
        case Constant::Kind::Int: return "int";
        case Constant::Kind::BigInt: return "bigint";
        case Constant::Kind::Float: return "float";
        case Constant::Kind::Str: return "str";
        case Constant::Kind::Tuple: return "tuple";
        case Constant::Kind::FrozenSet: return "frozenset";
        case Constant::Kind::Code: return "code";
    }
    return "?";
}

ojson const_to_json(const Constant& c, int depth) {
    ojson j = ojson::array({const_tag(c.kind)});
    switch (c.kind) {
        case Constant::Kind::Int: j.push_back(c.int_value); break;
        case Constant::Kind::BigInt:
        case Constant::Kind::Str: j.push_back(c.text); break;
        case Constant::Kind::Float: {
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", c.float_value);
            j.push_back(buf);
            break;
        }
        case Constant::Kind::Tuple:
        case Constant::Kind::FrozenSet: {
            ojson items = ojson::array();
            for (const auto& item : c.items) items.push_back(const_to_json(item, depth + 1));
            j.push_back(std::move(items));
            break;
        }
        case Constant::Kind::Code:
            j.push_back(c.code ? code_to_json(*c.code, depth + 1) : ojson(nullptr));
            break;
        default: break;
    }
    return j;
}

std::string to_hex(const std::vector<uint8_t>& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        s.push_back(digits[b >> 4]);
        s.push_back(digits[b & 15]);
    }
    return s;
}

}  // namespace

ojson code_to_json(const CodeObject& code, int depth) {
    ojson j = ojson::object();
    j["co_name"] = code.co_name;
    j["co_qualname"] = code.co_qualname;
    j["co_filename"] = code.co_filename;
    j["co_firstlineno"] = code.co_firstlineno;
    j["co_argcount"] = code.co_argcount;
    j["co_posonlyargcount"] = code.co_posonlyargcount;
    j["co_kwonlyargcount"] = code.co_kwonlyargcount;
    j["co_stacksize"] = code.co_stacksize;
    j["co_flags"] = code.co_flags;
    j["co_code"] = to_hex(code.co_code);
    ojson consts = ojson::array();
    for (const auto& c : code.co_consts) consts.push_back(const_to_json(c, depth));
    j["co_consts"] = std::move(consts);
    j["co_names"] = code.co_names;
    j["co_localsplusnames"] = code.co_localsplusnames;
    j["co_localspluskinds"] = code.co_localspluskinds;
    ojson pos = ojson::array();
    for (const auto& p : code.positions) pos.push_back(ojson::array({p.line, p.end_line, p.col, p.end_col}));
    j["positions"] = std::move(pos);
    ojson table = ojson::array();
    for (const auto& e : code.exception_table)
        table.push_back(ojson::array({e.start, e.end, e.target, e.depth, e.push_lasti ? 1 : 0}));
    j["exception_table"] = std::move(table);
    return j;
}

Constant const_from_json(const JsonIn& in, const json& j, const std::string& path, int depth) {
    if (depth > kMaxConstDepth) in.fail(path, "constants nested too deeply");
    in.array(j, path);
    if (j.empty()) in.fail(path, "expected [tag, value]");
    std::string tag = in.string(j[0], path + "/0");
    Constant c;
    auto arg = [&]() -> const json& {
        if (j.size() < 2) in.fail(path + "/1", "missing");
        return j[1];
    };
    const std::string p1 = path + "/1";
    if (tag == "None") c.kind = Constant::Kind::None;
    else if (tag == "True") c.kind = Constant::Kind::True;
    else if (tag == "False") c.kind = Constant::Kind::False;
    else if (tag == "Ellipsis") c.kind = Constant::Kind::Ellipsis;
    else if (tag == "int") { c.kind = Constant::Kind::Int; c.int_value = in.integer(arg(), p1); }
    else if (tag == "bigint") { c.kind = Constant::Kind::BigInt; c.text = in.string(arg(), p1); }
    else if (tag == "str") { c.kind = Constant::Kind::Str; c.text = in.string(arg(), p1); }
    else if (tag == "float") {
        c.kind = Constant::Kind::Float;
        std::string s = in.string(arg(), p1);
        char* end = nullptr;
        c.float_value = std::strtod(s.c_str(), &end);
        if (s.empty() || end != s.c_str() + s.size()) in.fail(p1, "expected a float's text");
    } else if (tag == "tuple" || tag == "frozenset") {
        c.kind = tag == "tuple" ? Constant::Kind::Tuple : Constant::Kind::FrozenSet;
        const json& items = in.array(arg(), p1);
        for (size_t i = 0; i < items.size(); ++i)
            c.items.push_back(const_from_json(in, items[i], p1 + "/" + std::to_string(i), depth + 1));
    } else if (tag == "code") {
        c.kind = Constant::Kind::Code;
        if (!arg().is_null()) c.code = code_from_json(in, arg(), p1, depth + 1);
    } else {
        in.fail(path + "/0", "unknown constant kind '" + tag + "'");
    }
    return c;
}

CodePtr code_from_json(const JsonIn& in, const json& j, const std::string& path, int depth) {
    if (depth > kMaxConstDepth) in.fail(path, "code objects nested too deeply");
    auto code = std::make_shared<CodeObject>();
    auto sub = [&](const char* key) { return path + "/" + key; };
    code->co_name = in.string(in.member(j, "co_name", path), sub("co_name"));
    code->co_qualname = in.string(in.member(j, "co_qualname", path), sub("co_qualname"));
    code->co_filename = in.string(in.member(j, "co_filename", path), sub("co_filename"));
    code->co_firstlineno = in.integer_member(j, "co_firstlineno", path);
    code->co_argcount = in.integer_member(j, "co_argcount", path);
    code->co_posonlyargcount = in.integer_member(j, "co_posonlyargcount", path);
    code->co_kwonlyargcount = in.integer_member(j, "co_kwonlyargcount", path);
    code->co_stacksize = in.integer_member(j, "co_stacksize", path);
    code->co_flags = static_cast<uint32_t>(in.integer(in.member(j, "co_flags", path), sub("co_flags"), 0, 0xffffffff));
    std::string hex = in.string(in.member(j, "co_code", path), sub("co_code"));
    if (hex.size() % 4 != 0) in.fail(sub("co_code"), "expected hex digits, 4 per code unit");
    for (size_t i = 0; i < hex.size(); i += 2) {
        auto digit = [&](char ch) -> int {
            if (ch >= '0' && ch <= '9') return ch - '0';
            if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
            if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
            in.fail(sub("co_code"), "not a hex digit at character " + std::to_string(i));
        };
        code->co_code.push_back(static_cast<uint8_t>(digit(hex[i]) * 16 + digit(hex[i + 1])));
    }
    const json& consts = in.array(in.member(j, "co_consts", path), sub("co_consts"));
    for (size_t i = 0; i < consts.size(); ++i)
        code->co_consts.push_back(const_from_json(in, consts[i], sub("co_consts") + "/" + std::to_string(i), depth));
    code->co_names = in.strings(in.member(j, "co_names", path), sub("co_names"));
    code->co_localsplusnames = in.strings(in.member(j, "co_localsplusnames", path), sub("co_localsplusnames"));
    const json& kinds = in.array(in.member(j, "co_localspluskinds", path), sub("co_localspluskinds"));
    for (size_t i = 0; i < kinds.size(); ++i)
        code->co_localspluskinds.push_back(
            static_cast<uint8_t>(in.integer(kinds[i], sub("co_localspluskinds") + "/" + std::to_string(i), 0, 255)));
    if (code->co_localspluskinds.size() != code->co_localsplusnames.size())
        in.fail(sub("co_localspluskinds"), "length differs from co_localsplusnames");
    const json& pos = in.array(in.member(j, "positions", path), sub("positions"));
    for (size_t i = 0; i < pos.size(); ++i) {
        std::string pp = sub("positions") + "/" + std::to_string(i);
        in.array(pos[i], pp);
        if (pos[i].size() != 4) in.fail(pp, "expected [line, end_line, col, end_col]");
        int v[4];
        for (int k = 0; k < 4; ++k)
            v[k] = static_cast<int>(in.integer(pos[i][k], pp + "/" + std::to_string(k), -1, std::numeric_limits<int>::max()));
        code->positions.push_back(Position{v[0], v[1], v[2], v[3]});
    }
    const json& table = in.array(in.member(j, "exception_table", path), sub("exception_table"));
    for (size_t i = 0; i < table.size(); ++i) {
        std::string tp = sub("exception_table") + "/" + std::to_string(i);
        in.array(table[i], tp);
        if (table[i].size() != 5) in.fail(tp, "expected [start, end, target, depth, lasti]");
        int v[5];
        for (int k = 0; k < 5; ++k)
            v[k] = static_cast<int>(in.integer(table[i][k], tp + "/" + std::to_string(k), 0, std::numeric_limits<int>::max()));
        code->exception_table.push_back(ExceptionTableEntry{v[0], v[1], v[2], v[3], v[4] != 0});
    }
    return code;
}

// ------------------------------------------------------------------ values and steps

ojson value_to_json(const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return nullptr;
        case Value::Kind::Int: return v.number;
        case Value::Kind::Text: return v.text;
        case Value::Kind::Ref: {
            ojson j = {{"ref", v.ref}};
            if (!v.text.empty()) j["label"] = v.text;
            return j;
        }
    }
    return nullptr;
}

Value value_from_json(const JsonIn& in, const json& j, const std::string& path) {
    if (j.is_null()) return Value::null();
    if (j.is_number_integer() || j.is_number_unsigned()) return Value::integer(in.integer(j, path));
    if (j.is_string()) return Value::inline_text(j.get<std::string>());
    if (j.is_object()) {
        ObjectId ref = in.id(in.member(j, "ref", path), path + "/ref");
        if (ref == 0) in.fail(path + "/ref", "a pointer to object 0 (write null for NULL)");
        if (ref > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) in.fail(path + "/ref", "object id out of range");
        std::string label;
        if (const json* l = in.optional(j, "label", path)) label = in.string(*l, path + "/label");
        Value v = Value::pointer(ref, std::move(label));
        return v;
    }
    in.fail(path, "expected a value: null, an integer, a string or {\"ref\": id}");
}

void write_object_lines(std::string& out, const ojson& obj, const std::string& indent) {
    out += "{";
    bool first = true;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        out += first ? "\n" : ",\n";
        first = false;
        out += indent + "  " + dump(ojson(it.key())) + ": " + dump(it.value());
    }
    out += "\n" + indent + "}";
}

}  // namespace io_detail

std::string code_to_json_text(const CodeObject& code) { return io_detail::dump(io_detail::code_to_json(code, 0)); }

}  // namespace ys::trace
