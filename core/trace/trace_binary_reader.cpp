// The binary trace reader (.ystrace): every error names the byte offset (FORMAT.md).
#include <cmath>

#include "trace/trace_io_internal.h"

namespace ys::trace {

using namespace io_detail;

namespace {

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
    // Most varints in a trace (object deltas, string ids, kinds) fit in one byte.
    uint64_t varint(const char* what) {
        if (pos < data.size()) {
            const auto b = static_cast<uint8_t>(data[pos]);
            if (!(b & 0x80)) {
                ++pos;
                return b;
            }
        }
        return varint_long(what);
    }
    uint64_t varint_long(const char* what) {
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

PackedValue get_value(BinIn& in, uint64_t nstrings, uint32_t version) {
    PackedValue v;
    size_t at = in.pos;
    uint8_t k = in.byte("a value");
    if (k == kDecimalTextKind && version >= 3) {
        v.kind = Value::Kind::Text;
        v.text = PackedValue::kDecimalText;
        v.payload = in.svarint("a decimal text value");
        return v;
    }
    if (k == kFloatTextKind && version >= 4) {
        v.kind = Value::Kind::Text;
        v.text = PackedValue::kFloatText;
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) bits |= static_cast<uint64_t>(in.byte("a float value")) << (8 * i);
        v.payload = static_cast<int64_t>(bits);
        return v;
    }
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
    if (version < static_cast<uint32_t>(kOldestReadableVersion) || version > static_cast<uint32_t>(kFormatVersion))
        throw TraceError(TraceErrorKind::UnsupportedVersion, "byte 8",
                         "unsupported trace version " + std::to_string(version) + " (this build reads versions " +
                             std::to_string(kOldestReadableVersion) + " to " + std::to_string(kFormatVersion) + ")");
    in.pos += 4;
    Trace t;  // read into the current version: an old file's content is a subset of it
    // The last change kind this version knows (version 1 has no FieldRemoved).
    const auto last_kind = static_cast<uint8_t>(version >= 2 ? Change::Kind::FieldRemoved : Change::Kind::Freed);
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
    // Ids from kFloatText up mean "no string" in memory (PackedValue).
    if (nstrings >= PackedValue::kFloatText) in.bad(at, "the string table has more strings than a trace may hold");
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
            if (kind > last_kind) in.bad(cat, "unknown change kind " + std::to_string(kind));
            c.kind = static_cast<Change::Kind>(kind);
            size_t oat = in.pos;
            const ObjectId object = prev_object + static_cast<uint64_t>(in.svarint("a change's object"));
            if (object == 0) in.bad(oat, "change on object 0 (NULL)");
            if (object > kMaxChangeObject) in.bad(oat, "object id " + std::to_string(object) + " is too large (at most 2^32-1)");
            c.object = static_cast<uint32_t>(object);
            prev_object = object;
            auto name = [&]() {
                size_t name_at = in.pos;
                uint64_t id = in.varint("a name");
                if (id == 0 || id >= nstrings) in.bad(name_at, "bad name string id " + std::to_string(id));
                return static_cast<uint32_t>(id);
            };
            switch (c.kind) {
                case Change::Kind::Created:
                    c.name = name();
                    c.value_kind = Value::Kind::Int;
                    c.payload = in.svarint("a refcount");
                    break;
                case Change::Kind::FieldSet:
                    c.name = name();
                    c.set_value(get_value(in, nstrings, version));
                    break;
                case Change::Kind::Refcount:
                    c.value_kind = Value::Kind::Int;
                    c.payload = in.svarint("a refcount");
                    break;
                case Change::Kind::FieldRemoved: c.name = name(); break;
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
        if (flags & SF_VALUE) r.set_value(get_value(in, nstrings, version));
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

}  // namespace ys::trace
