// Shared by the trace readers and writers (trace_*_reader.cpp / trace_*_writer.cpp):
// checked JSON access, code objects and values as JSON, and the binary form's
// varint streams. Not part of the public API (trace_io.h is).
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trace/trace_io.h"

namespace ys::trace::io_detail {

using nlohmann::json;
using ojson = nlohmann::ordered_json;  // writing: keys in the order written

constexpr int kMaxConstDepth = 64;

[[noreturn]] void malformed(const std::string& where, const std::string& what);
std::string dump(const ojson& j);

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

ojson code_to_json(const CodeObject& code, int depth);
CodePtr code_from_json(const JsonIn& in, const json& j, const std::string& path, int depth);
ojson value_to_json(const Value& v);
Value value_from_json(const JsonIn& in, const json& j, const std::string& path);
// One key per line (the codes in the JSON form).
void write_object_lines(std::string& out, const ojson& obj, const std::string& indent);

// The first trace version each reader accepts (the current one is kFormatVersion).
constexpr int kOldestReadableVersion = 1;

// The binary value kind after Null/Int/Text/Ref (0-3): a Text that is a decimal
// integer, stored as the number (version 3).
constexpr uint8_t kDecimalTextKind = 4;
// A Text that is a float's repr, stored as the double's 8 bytes, little-endian (version 4).
constexpr uint8_t kFloatTextKind = 5;

// Binary step flags: which optional fields follow the event kind.
enum StepFlags : uint8_t {
    SF_DETAIL = 1, SF_LINE = 2, SF_LASTI = 4, SF_TEXT = 8, SF_SUBJECT = 16, SF_FRAME = 32, SF_VALUE = 64, SF_EXTRA = 128,
};

}  // namespace ys::trace::io_detail
