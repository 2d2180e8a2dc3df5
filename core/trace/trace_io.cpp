// Trace files: JSON (readable) and binary (.ystrace). See FORMAT.md.
#include "trace/trace_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ys::trace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;  // writing: keys in the order written

TraceError::TraceError(TraceErrorKind kind, std::string location, const std::string& message)
    : std::runtime_error(location.empty() ? message : location + ": " + message),
      kind_(kind),
      location_(std::move(location)) {}

TraceFormat format_for_path(const std::filesystem::path& path) {
    return path.extension() == kBinaryExtension ? TraceFormat::Binary : TraceFormat::Json;
}

namespace {

constexpr int kMaxConstDepth = 64;

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
    throw TraceError(TraceErrorKind::Malformed, where, what);
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

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

ojson code_to_json(const CodeObject& code, int depth);

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

// --------------------------------------------------------------- checked JSON access

struct JsonIn {
    std::string prefix;  // prepended to every path ("byte 120 (code 3) " in binary files)

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        malformed(prefix + (path.empty() ? "/" : path), what);
    }
    const json& member(const json& obj, const char* key, const std::string& path) const {
        if (!obj.is_object()) fail(path, "expected an object");
        auto it = obj.find(key);
        if (it == obj.end()) fail(path + "/" + key, "missing");
        return *it;
    }
    const json* optional(const json& obj, const char* key, const std::string& path) const {
        if (!obj.is_object()) fail(path, "expected an object");
        auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }
    int64_t integer(const json& j, const std::string& path, int64_t lo = std::numeric_limits<int64_t>::min(),
                    int64_t hi = std::numeric_limits<int64_t>::max()) const {
        int64_t v;
        if (j.is_number_unsigned()) {
            uint64_t u = j.get<uint64_t>();
            if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) fail(path, "number out of range");
            v = static_cast<int64_t>(u);
        } else if (j.is_number_integer()) {
            v = j.get<int64_t>();
        } else {
            fail(path, "expected an integer");
        }
        if (v < lo || v > hi) fail(path, "number out of range");
        return v;
    }
    uint64_t id(const json& j, const std::string& path) const {
        if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<int64_t>() >= 0))
            fail(path, "expected an object id (a non-negative integer)");
        return j.get<uint64_t>();
    }
    std::string string(const json& j, const std::string& path) const {
        if (!j.is_string()) fail(path, "expected a string");
        return j.get<std::string>();
    }
    const json& array(const json& j, const std::string& path) const {
        if (!j.is_array()) fail(path, "expected an array");
        return j;
    }
    int integer_member(const json& obj, const char* key, const std::string& path) const {
        return static_cast<int>(integer(member(obj, key, path), path + "/" + key, std::numeric_limits<int>::min(),
                                        std::numeric_limits<int>::max()));
    }
    std::vector<std::string> strings(const json& j, const std::string& path) const {
        array(j, path);
        std::vector<std::string> out;
        for (size_t i = 0; i < j.size(); ++i) out.push_back(string(j[i], path + "/" + std::to_string(i)));
        return out;
    }
};

CodePtr code_from_json(const JsonIn& in, const json& j, const std::string& path, int depth);

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

}  // namespace

std::string code_to_json_text(const CodeObject& code) { return dump(code_to_json(code, 0)); }

// ---------------------------------------------------------------------- JSON writer

std::string write_trace_json(const Trace& trace) {
    std::string out;
    out.reserve(256 + trace.step_count() * 120);
    out += "{\n";
    out += "  \"format\": " + dump(ojson(trace.header.format)) + ",\n";
    out += "  \"version\": " + std::to_string(trace.header.version) + ",\n";
    out += "  \"granularity\": " + dump(ojson(granularity_name(trace.header.granularity))) + ",\n";
    out += "  \"tool\": " + dump(ojson(trace.header.tool_version)) + ",\n";
    out += std::string("  \"truncated\": ") + (trace.header.truncated ? "true" : "false") + ",\n";
    out += "  \"filename\": " + dump(ojson(trace.filename)) + ",\n";
    out += "  \"source\": " + dump(ojson(trace.source)) + ",\n";
    out += "  \"codes\": [";
    bool first = true;
    for (const auto& [id, code] : trace.codes) {
        ojson j = code_to_json(*code, 0);
        ojson withid = ojson::object();
        withid["id"] = id;
        for (auto it = j.begin(); it != j.end(); ++it) withid[it.key()] = it.value();
        out += first ? "\n    " : ",\n    ";
        first = false;
        write_object_lines(out, withid, "    ");
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"annotations\": [";
    first = true;
    for (const auto& [step, text] : trace.annotations) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += dump(ojson{{"step", step}, {"text", text}});
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"steps\": [";
    for (uint64_t i = 0; i < trace.step_count(); ++i) {
        const Event e = trace.event(i);
        ojson s = ojson::object();
        s["event"] = event_kind_name(e.kind);
        if (e.subject) s["subject"] = e.subject;
        if (e.frame) s["frame"] = e.frame;
        if (e.line != -1) s["line"] = e.line;
        if (e.lasti != -1) s["lasti"] = e.lasti;
        if (e.detail) s["detail"] = e.detail;
        if (e.value.kind != Value::Kind::Null) s["value"] = value_to_json(e.value);
        if (!e.text.empty()) s["text"] = e.text;
        if (!e.objects.empty()) s["objects"] = e.objects;
        if (e.virtual_time != 0.0) s["time"] = e.virtual_time;
        out += i ? ",\n    " : "\n    ";
        std::string head = dump(s);
        auto changes = trace.changes(i);
        if (changes.empty()) {
            out += head;
            continue;
        }
        head.pop_back();  // '}'
        out += head + ",\"changes\":[";
        for (size_t k = 0; k < changes.size(); ++k) {
            const Change& c = changes[k];
            ojson cj = ojson::object();
            cj["op"] = change_kind_name(c.kind);
            cj["id"] = c.object;
            switch (c.kind) {
                case Change::Kind::Created:
                    cj["type"] = trace.str(c.name);
                    cj["refcount"] = c.value.payload;
                    break;
                case Change::Kind::FieldSet:
                    cj["field"] = trace.str(c.name);
                    cj["value"] = value_to_json(trace.unpack(c.value));
                    break;
                case Change::Kind::Refcount: cj["refcount"] = c.value.payload; break;
                case Change::Kind::Freed: break;
            }
            out += k ? ",\n      " : "\n      ";
            out += dump(cj);
        }
        out += "]}";
    }
    out += trace.step_count() ? "\n  ]\n}\n" : "]\n}\n";
    return out;
}

// ---------------------------------------------------------------------- JSON reader

Trace read_trace_json(std::string_view text) {
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        auto colon = what.find("error: ");
        if (colon != std::string::npos) what = what.substr(colon + 7);
        TraceErrorKind kind = e.byte >= text.size() ? TraceErrorKind::Truncated
                              : e.byte <= 1         ? TraceErrorKind::NotATrace
                                                    : TraceErrorKind::Malformed;
        throw TraceError(kind, "byte " + std::to_string(e.byte), "not valid JSON: " + what);
    } catch (const json::exception& e) {
        // e.g. a number too large for a double: the message quotes the token; find it.
        std::string what = e.what();
        size_t at = 0;
        auto q1 = what.find('\'');
        auto q2 = q1 == std::string::npos ? q1 : what.find('\'', q1 + 1);
        if (q2 != std::string::npos) {
            size_t found = text.find(what.substr(q1 + 1, q2 - q1 - 1));
            if (found != std::string_view::npos) at = found;
        }
        auto bracket = what.find("] ");
        if (bracket != std::string::npos) what = what.substr(bracket + 2);
        throw TraceError(TraceErrorKind::Malformed, "byte " + std::to_string(at), "not valid JSON: " + what);
    }
    JsonIn in;
    if (!root.is_object()) throw TraceError(TraceErrorKind::NotATrace, "/", "not a yieldscope trace (expected a JSON object)");
    auto fmt = root.find("format");
    if (fmt == root.end() || !fmt->is_string() || fmt->get<std::string>() != kFormatName)
        throw TraceError(TraceErrorKind::NotATrace, "/format",
                         std::string("not a yieldscope trace (expected \"format\": \"") + kFormatName + "\")");
    int64_t version = in.integer(in.member(root, "version", ""), "/version");
    if (version != kFormatVersion)
        throw TraceError(TraceErrorKind::UnsupportedVersion, "/version",
                         "unsupported trace version " + std::to_string(version) + " (this build reads version " +
                             std::to_string(kFormatVersion) + ")");
    Trace t;
    t.header.version = static_cast<int>(version);
    std::string gran = in.string(in.member(root, "granularity", ""), "/granularity");
    if (!parse_granularity(gran, t.header.granularity)) in.fail("/granularity", "unknown granularity '" + gran + "'");
    t.header.tool_version = in.string(in.member(root, "tool", ""), "/tool");
    const json& trunc = in.member(root, "truncated", "");
    if (!trunc.is_boolean()) in.fail("/truncated", "expected true or false");
    t.header.truncated = trunc.get<bool>();
    t.filename = in.string(in.member(root, "filename", ""), "/filename");
    t.source = in.string(in.member(root, "source", ""), "/source");

    const json& codes = in.array(in.member(root, "codes", ""), "/codes");
    for (size_t i = 0; i < codes.size(); ++i) {
        std::string p = "/codes/" + std::to_string(i);
        ObjectId id = in.id(in.member(codes[i], "id", p), p + "/id");
        if (t.codes.count(id)) in.fail(p + "/id", "duplicate code object id " + std::to_string(id));
        t.codes[id] = code_from_json(in, codes[i], p, 0);
    }
    const json& notes = in.array(in.member(root, "annotations", ""), "/annotations");
    for (size_t i = 0; i < notes.size(); ++i) {
        std::string p = "/annotations/" + std::to_string(i);
        uint64_t step = in.id(in.member(notes[i], "step", p), p + "/step");
        t.annotations[step] = in.string(in.member(notes[i], "text", p), p + "/text");
    }
    const json& steps = in.array(in.member(root, "steps", ""), "/steps");
    t.reserve(steps.size(), steps.size() * 2);
    for (size_t i = 0; i < steps.size(); ++i) {
        std::string p = "/steps/" + std::to_string(i);
        const json& s = steps[i];
        if (!s.is_object()) in.fail(p, "expected an object");
        if (const json* ch = in.optional(s, "changes", p)) {
            in.array(*ch, p + "/changes");
            for (size_t k = 0; k < ch->size(); ++k) {
                std::string cp = p + "/changes/" + std::to_string(k);
                const json& c = (*ch)[k];
                std::string op = in.string(in.member(c, "op", cp), cp + "/op");
                ObjectId id = in.id(in.member(c, "id", cp), cp + "/id");
                if (id == 0) in.fail(cp + "/id", "object id 0 is NULL");
                if (op == "create") {
                    std::string type = in.string(in.member(c, "type", cp), cp + "/type");
                    if (type.empty()) in.fail(cp + "/type", "empty type name");
                    t.add_created(id, type, in.integer(in.member(c, "refcount", cp), cp + "/refcount"));
                } else if (op == "set") {
                    std::string field = in.string(in.member(c, "field", cp), cp + "/field");
                    if (field.empty()) in.fail(cp + "/field", "empty field name");
                    t.add_field_set(id, field, value_from_json(in, in.member(c, "value", cp), cp + "/value"));
                } else if (op == "refcount") {
                    t.add_refcount(id, in.integer(in.member(c, "refcount", cp), cp + "/refcount"));
                } else if (op == "free") {
                    t.add_freed(id);
                } else {
                    in.fail(cp + "/op", "unknown change '" + op + "' (create, set, refcount or free)");
                }
            }
        }
        Event e;
        std::string kind = in.string(in.member(s, "event", p), p + "/event");
        if (!parse_event_kind(kind, e.kind)) in.fail(p + "/event", "unknown event '" + kind + "'");
        if (const json* v = in.optional(s, "subject", p)) e.subject = in.id(*v, p + "/subject");
        if (const json* v = in.optional(s, "frame", p)) e.frame = in.id(*v, p + "/frame");
        if (const json* v = in.optional(s, "line", p))
            e.line = static_cast<int>(in.integer(*v, p + "/line", std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        if (const json* v = in.optional(s, "lasti", p))
            e.lasti = static_cast<int>(in.integer(*v, p + "/lasti", std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        if (const json* v = in.optional(s, "detail", p)) e.detail = static_cast<uint8_t>(in.integer(*v, p + "/detail", 0, 255));
        if (const json* v = in.optional(s, "value", p)) e.value = value_from_json(in, *v, p + "/value");
        if (const json* v = in.optional(s, "text", p)) e.text = in.string(*v, p + "/text");
        if (const json* v = in.optional(s, "objects", p)) {
            in.array(*v, p + "/objects");
            for (size_t k = 0; k < v->size(); ++k) e.objects.push_back(in.id((*v)[k], p + "/objects/" + std::to_string(k)));
        }
        if (const json* v = in.optional(s, "time", p)) {
            if (!v->is_number()) in.fail(p + "/time", "expected a number");
            e.virtual_time = v->get<double>();
        }
        t.add_event(e);
    }
    return t;
}

// -------------------------------------------------------------------- binary writer

namespace {

class BinOut {
public:
    std::string buf;
    void byte(uint8_t b) { buf.push_back(static_cast<char>(b)); }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            buf.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        buf.push_back(static_cast<char>(v));
    }
    void svarint(int64_t v) { varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
    void str(std::string_view s) {
        varint(s.size());
        buf.append(s);
    }
    void f64(double d) {
        uint64_t u;
        std::memcpy(&u, &d, 8);
        for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(u >> (8 * i)));
    }
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
    }
};

class BinIn {
public:
    explicit BinIn(std::string_view d) : data(d) {}
    std::string_view data;
    size_t pos = 0;

    [[noreturn]] void truncated(const char* what) const {
        throw TraceError(TraceErrorKind::Truncated, "byte " + std::to_string(pos),
                         std::string("file ends inside ") + what);
    }
    [[noreturn]] void bad(size_t at, const std::string& what) const {
        throw TraceError(TraceErrorKind::Malformed, "byte " + std::to_string(at), what);
    }
    uint8_t byte(const char* what) {
        if (pos >= data.size()) truncated(what);
        return static_cast<uint8_t>(data[pos++]);
    }
    uint64_t varint(const char* what) {
        uint64_t v = 0;
        size_t start = pos;
        for (int shift = 0;; shift += 7) {
            if (pos >= data.size()) truncated(what);
            uint8_t b = static_cast<uint8_t>(data[pos++]);
            if (shift == 63 && b > 1) bad(start, std::string("varint too long in ") + what);
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) break;
            if (shift >= 63) bad(start, std::string("varint too long in ") + what);
        }
        return v;
    }
    int64_t svarint(const char* what) {
        uint64_t u = varint(what);
        return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
    }
    // A count that must fit in the remaining bytes at `min_size` bytes per item; a bigger
    // one means the file was cut short (or the count is corrupt).
    uint64_t count(const char* what, size_t min_size) {
        uint64_t n = varint(what);
        if (min_size && n > (data.size() - pos) / min_size) {
            pos = data.size();
            truncated(what);
        }
        return n;
    }
    std::string_view str(const char* what) {
        uint64_t n = varint(what);
        if (n > data.size() - pos) {
            pos = data.size();
            truncated(what);
        }
        std::string_view s = data.substr(pos, n);
        pos += n;
        return s;
    }
    double f64(const char* what) {
        if (data.size() - pos < 8) {
            pos = data.size();
            truncated(what);
        }
        uint64_t u = 0;
        for (int i = 0; i < 8; ++i) u |= static_cast<uint64_t>(static_cast<uint8_t>(data[pos + i])) << (8 * i);
        pos += 8;
        double d;
        std::memcpy(&d, &u, 8);
        return d;
    }
    int32_t int32(const char* what) {
        size_t at = pos;
        int64_t v = svarint(what);
        if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
            bad(at, std::string(what) + " out of range");
        return static_cast<int32_t>(v);
    }
};

// Step flags: which optional fields follow the event kind.
enum StepFlags : uint8_t {
    SF_DETAIL = 1, SF_LINE = 2, SF_LASTI = 4, SF_TEXT = 8, SF_SUBJECT = 16, SF_FRAME = 32, SF_VALUE = 64, SF_EXTRA = 128,
};

void put_value(BinOut& o, const PackedValue& v) {
    o.byte(static_cast<uint8_t>(v.kind));
    switch (v.kind) {
        case Value::Kind::Null: break;
        case Value::Kind::Int: o.svarint(v.payload); break;
        case Value::Kind::Text: o.varint(v.text); break;
        case Value::Kind::Ref:
            o.varint(static_cast<uint64_t>(v.payload));
            o.varint(v.text);
            break;
    }
}

PackedValue get_value(BinIn& in, uint64_t nstrings) {
    PackedValue v;
    size_t at = in.pos;
    uint8_t k = in.byte("a value");
    if (k > static_cast<uint8_t>(Value::Kind::Ref)) in.bad(at, "unknown value kind " + std::to_string(k));
    v.kind = static_cast<Value::Kind>(k);
    auto string_id = [&]() {
        size_t sat = in.pos;
        uint64_t id = in.varint("a string id");
        if (id >= nstrings) in.bad(sat, "string id " + std::to_string(id) + " past the string table");
        return static_cast<uint32_t>(id);
    };
    switch (v.kind) {
        case Value::Kind::Null: break;
        case Value::Kind::Int: v.payload = in.svarint("an integer value"); break;
        case Value::Kind::Text: v.text = string_id(); break;
        case Value::Kind::Ref: {
            size_t rat = in.pos;
            uint64_t ref = in.varint("a pointer value");
            if (ref == 0 || ref > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
                in.bad(rat, "bad pointer target " + std::to_string(ref));
            v.payload = static_cast<int64_t>(ref);
            v.text = string_id();
            break;
        }
    }
    return v;
}

}  // namespace

std::string write_trace_binary(const Trace& trace) {
    BinOut o;
    o.buf.reserve(64 + trace.step_count() * 8 + trace.change_count() * 6);
    o.buf.append(kBinaryMagic, sizeof kBinaryMagic);
    o.u32(static_cast<uint32_t>(kFormatVersion));
    o.byte(static_cast<uint8_t>(trace.header.granularity));
    o.byte(trace.header.truncated ? 1 : 0);
    o.str(trace.header.tool_version);
    o.str(trace.filename);
    o.str(trace.source);
    const auto& strings = trace.strings();
    o.varint(strings.size());
    for (size_t i = 1; i < strings.size(); ++i) o.str(strings[i]);
    o.varint(trace.codes.size());
    for (const auto& [id, code] : trace.codes) {
        o.varint(id);
        o.str(code_to_json_text(*code));
    }
    o.varint(trace.annotations.size());
    for (const auto& [step, text] : trace.annotations) {
        o.varint(step);
        o.str(text);
    }
    o.varint(trace.step_count());
    o.varint(trace.change_count());
    ObjectId prev_object = 0;
    for (uint64_t i = 0; i < trace.step_count(); ++i) {
        const StepRecord& r = trace.record(i);
        auto changes = trace.changes(i);
        o.varint(changes.size());
        for (const Change& c : changes) {
            o.byte(static_cast<uint8_t>(c.kind));
            o.svarint(static_cast<int64_t>(c.object - prev_object));
            prev_object = c.object;
            switch (c.kind) {
                case Change::Kind::Created:
                    o.varint(c.name);
                    o.svarint(c.value.payload);
                    break;
                case Change::Kind::FieldSet:
                    o.varint(c.name);
                    put_value(o, c.value);
                    break;
                case Change::Kind::Refcount: o.svarint(c.value.payload); break;
                case Change::Kind::Freed: break;
            }
        }
        uint8_t flags = 0;
        if (r.detail) flags |= SF_DETAIL;
        if (r.line != -1) flags |= SF_LINE;
        if (r.lasti != -1) flags |= SF_LASTI;
        if (r.text) flags |= SF_TEXT;
        if (r.subject) flags |= SF_SUBJECT;
        if (r.frame) flags |= SF_FRAME;
        if (r.value.kind != Value::Kind::Null) flags |= SF_VALUE;
        if (r.extra) flags |= SF_EXTRA;
        o.byte(static_cast<uint8_t>(r.kind));
        o.byte(flags);
        if (flags & SF_DETAIL) o.byte(r.detail);
        if (flags & SF_LINE) o.svarint(r.line);
        if (flags & SF_LASTI) o.svarint(r.lasti);
        if (flags & SF_TEXT) o.varint(r.text);
        if (flags & SF_SUBJECT) o.varint(r.subject);
        if (flags & SF_FRAME) o.varint(r.frame);
        if (flags & SF_VALUE) put_value(o, r.value);
        if (flags & SF_EXTRA) {
            const StepExtra& x = trace.extras()[r.extra];
            o.varint(x.objects.size());
            for (ObjectId id : x.objects) o.varint(id);
            o.f64(x.virtual_time);
        }
    }
    o.buf.append("YSEND", 5);
    return std::move(o.buf);
}

// -------------------------------------------------------------------- binary reader

Trace read_trace_binary(std::string_view bytes) {
    BinIn in(bytes);
    if (bytes.size() < sizeof kBinaryMagic || std::memcmp(bytes.data(), kBinaryMagic, sizeof kBinaryMagic) != 0) {
        if (bytes.size() < sizeof kBinaryMagic &&
            std::memcmp(bytes.data(), kBinaryMagic, bytes.size()) == 0)
            throw TraceError(TraceErrorKind::Truncated, "byte " + std::to_string(bytes.size()), "file ends inside the magic");
        throw TraceError(TraceErrorKind::NotATrace, "byte 0", "not a yieldscope binary trace (wrong magic)");
    }
    in.pos = sizeof kBinaryMagic;
    if (bytes.size() - in.pos < 4) {
        in.pos = bytes.size();
        in.truncated("the version");
    }
    uint32_t version = 0;
    for (int i = 0; i < 4; ++i) version |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[in.pos + i])) << (8 * i);
    if (version != static_cast<uint32_t>(kFormatVersion))
        throw TraceError(TraceErrorKind::UnsupportedVersion, "byte 8",
                         "unsupported trace version " + std::to_string(version) + " (this build reads version " +
                             std::to_string(kFormatVersion) + ")");
    in.pos += 4;
    Trace t;
    t.header.version = static_cast<int>(version);
    size_t at = in.pos;
    uint8_t gran = in.byte("the header");
    if (gran > static_cast<uint8_t>(Granularity::Instructions)) in.bad(at, "unknown granularity " + std::to_string(gran));
    t.header.granularity = static_cast<Granularity>(gran);
    at = in.pos;
    uint8_t trunc = in.byte("the header");
    if (trunc > 1) in.bad(at, "bad truncated flag");
    t.header.truncated = trunc != 0;
    t.header.tool_version = std::string(in.str("the tool version"));
    t.filename = std::string(in.str("the file name"));
    t.source = std::string(in.str("the source"));

    at = in.pos;
    uint64_t nstrings = in.count("the string table", 1);
    if (nstrings == 0) in.bad(at, "the string table must hold at least the empty string");
    for (uint64_t i = 1; i < nstrings; ++i) {
        size_t sat = in.pos;
        std::string_view s = in.str("the string table");
        if (s.empty() || t.intern(s) != i) in.bad(sat, "string table entry " + std::to_string(i) + " is empty or repeated");
    }
    uint64_t ncodes = in.count("the code objects", 2);
    for (uint64_t i = 0; i < ncodes; ++i) {
        size_t cat = in.pos;
        ObjectId id = in.varint("a code object id");
        if (t.codes.count(id)) in.bad(cat, "duplicate code object id " + std::to_string(id));
        size_t jat = in.pos;
        std::string_view text = in.str("a code object");
        json j;
        try {
            j = json::parse(text.begin(), text.end());
        } catch (const json::parse_error& e) {
            in.bad(jat, "code object " + std::to_string(id) + " is not valid JSON (at its byte " + std::to_string(e.byte) + ")");
        } catch (const json::exception&) {
            in.bad(jat, "code object " + std::to_string(id) + " is not valid JSON");
        }
        JsonIn jin;
        jin.prefix = "byte " + std::to_string(jat) + " (code object " + std::to_string(id) + ") ";
        t.codes[id] = code_from_json(jin, j, "", 0);
    }
    uint64_t nnotes = in.count("the annotations", 2);
    for (uint64_t i = 0; i < nnotes; ++i) {
        uint64_t step = in.varint("an annotation");
        t.annotations[step] = std::string(in.str("an annotation"));
    }
    uint64_t nsteps = in.count("the steps", 3);
    uint64_t total_changes = in.count("the changes", 2);
    t.reserve(nsteps, total_changes);
    uint64_t seen_changes = 0;
    ObjectId prev_object = 0;
    for (uint64_t i = 0; i < nsteps; ++i) {
        size_t nat = in.pos;
        uint64_t nchanges = in.count("a step's changes", 2);
        if (nchanges > total_changes - seen_changes) in.bad(nat, "more changes than the header's total");
        seen_changes += nchanges;
        for (uint64_t k = 0; k < nchanges; ++k) {
            Change c;
            size_t cat = in.pos;
            uint8_t kind = in.byte("a change");
            if (kind > static_cast<uint8_t>(Change::Kind::Freed)) in.bad(cat, "unknown change kind " + std::to_string(kind));
            c.kind = static_cast<Change::Kind>(kind);
            size_t oat = in.pos;
            c.object = prev_object + static_cast<uint64_t>(in.svarint("a change's object"));
            if (c.object == 0) in.bad(oat, "change on object 0 (NULL)");
            prev_object = c.object;
            auto name = [&]() {
                size_t name_at = in.pos;
                uint64_t id = in.varint("a name");
                if (id == 0 || id >= nstrings) in.bad(name_at, "bad name string id " + std::to_string(id));
                return static_cast<uint32_t>(id);
            };
            switch (c.kind) {
                case Change::Kind::Created:
                    c.name = name();
                    c.value.kind = Value::Kind::Int;
                    c.value.payload = in.svarint("a refcount");
                    break;
                case Change::Kind::FieldSet:
                    c.name = name();
                    c.value = get_value(in, nstrings);
                    break;
                case Change::Kind::Refcount:
                    c.value.kind = Value::Kind::Int;
                    c.value.payload = in.svarint("a refcount");
                    break;
                case Change::Kind::Freed: break;
            }
            t.add_change(c);
        }
        StepRecord r;
        size_t kat = in.pos;
        uint8_t kind = in.byte("a step");
        if (kind > static_cast<uint8_t>(EventKind::FreeListReuse)) in.bad(kat, "unknown event kind " + std::to_string(kind));
        r.kind = static_cast<EventKind>(kind);
        uint8_t flags = in.byte("a step");
        if (flags & SF_DETAIL) r.detail = in.byte("a step's detail");
        if (flags & SF_LINE) r.line = in.int32("a step's line");
        if (flags & SF_LASTI) r.lasti = in.int32("a step's lasti");
        if (flags & SF_TEXT) {
            size_t tat = in.pos;
            uint64_t id = in.varint("a step's text");
            if (id >= nstrings) in.bad(tat, "string id " + std::to_string(id) + " past the string table");
            r.text = static_cast<uint32_t>(id);
        }
        if (flags & SF_SUBJECT) r.subject = in.varint("a step's subject");
        if (flags & SF_FRAME) r.frame = in.varint("a step's frame");
        if (flags & SF_VALUE) r.value = get_value(in, nstrings);
        StepExtra extra;
        if (flags & SF_EXTRA) {
            uint64_t n = in.count("a step's objects", 1);
            for (uint64_t k = 0; k < n; ++k) extra.objects.push_back(in.varint("a step's objects"));
            size_t tat = in.pos;
            extra.virtual_time = in.f64("a step's time");
            if (!std::isfinite(extra.virtual_time)) in.bad(tat, "the virtual time is not a finite number");
        }
        t.add_record(r, (flags & SF_EXTRA) ? &extra : nullptr);
    }
    if (seen_changes != total_changes) in.bad(in.pos, "fewer changes than the header's total");
    if (bytes.size() - in.pos < 5) {
        in.pos = bytes.size();
        in.truncated("the end marker");
    }
    if (bytes.substr(in.pos, 5) != "YSEND") in.bad(in.pos, "expected the end marker");
    in.pos += 5;
    if (in.pos != bytes.size()) in.bad(in.pos, "unexpected bytes after the end marker");
    return t;
}

Trace read_trace(std::string_view bytes) {
    if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view(kBinaryMagic, 4)) return read_trace_binary(bytes);
    return read_trace_json(bytes);
}

Trace load_trace(const std::filesystem::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw TraceError(TraceErrorKind::Io, path.string(), std::string("cannot open: ") + std::strerror(errno));
    std::string bytes;
    char buf[1 << 16];
    if (std::fseek(f, 0, SEEK_END) == 0) {
        long size = std::ftell(f);
        if (size > 0) bytes.reserve(static_cast<size_t>(size));
        std::fseek(f, 0, SEEK_SET);
    }
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw TraceError(TraceErrorKind::Io, path.string(), "read error");
    try {
        return read_trace(bytes);
    } catch (const TraceError& e) {
        throw TraceError(e.kind(), path.string() + ": " + e.location(),
                         std::string(e.what()).substr(e.location().empty() ? 0 : e.location().size() + 2));
    }
}

// ------------------------------------------------------------------- atomic saving

void atomic_write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::filesystem::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    std::random_device rd;
    std::string tmp_name = "." + path.filename().string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rd() & 0xffffff);
    std::filesystem::path tmp = dir / tmp_name;
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno));
    auto fail = [&](const char* what) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string(what) + ": " + std::strerror(err));
    };
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed");
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) fail("fsync failed");
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("close failed: ") + std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        throw TraceError(TraceErrorKind::Io, path.string(), std::string("rename failed: ") + std::strerror(err));
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void save_trace(const Trace& trace, const std::filesystem::path& path, TraceFormat format) {
    atomic_write_file(path, format == TraceFormat::Binary ? write_trace_binary(trace) : write_trace_json(trace));
}

void save_trace(const Trace& trace, const std::filesystem::path& path) { save_trace(trace, path, format_for_path(path)); }

}  // namespace ys::trace
