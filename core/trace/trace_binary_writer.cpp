// The binary trace writer (.ystrace): varints and interned strings (FORMAT.md).
#include <algorithm>

#include "trace/trace_io_internal.h"

namespace ys::trace {

using namespace io_detail;

namespace {

// Bytes go through a raw cursor into a buffer grown ahead (appending to a string byte
// by byte was most of a save's time).
class BinOut {
public:
    explicit BinOut(size_t expected) : buf_(std::max<size_t>(expected, 4096), '\0') {}
    void byte(uint8_t b) { *room(1) = static_cast<char>(b); ++len_; }
    void varint(uint64_t v) {
        char* p = room(10);
        size_t n = 0;
        while (v >= 0x80) {
            p[n++] = static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        p[n++] = static_cast<char>(v);
        len_ += n;
    }
    void svarint(int64_t v) { varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
    void bytes(const void* data, size_t n) {
        if (n) std::memcpy(room(n), data, n);
        len_ += n;
    }
    void str(std::string_view s) {
        varint(s.size());
        bytes(s.data(), s.size());
    }
    void f64(double d) {
        uint64_t u;
        std::memcpy(&u, &d, 8);
        for (int i = 0; i < 8; ++i) byte(static_cast<uint8_t>(u >> (8 * i)));
    }
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) byte(static_cast<uint8_t>(v >> (8 * i)));
    }
    std::string take() {
        buf_.resize(len_);
        return std::move(buf_);
    }

private:
    char* room(size_t n) {
        if (buf_.size() - len_ < n) [[unlikely]]
            buf_.resize(std::max(buf_.size() * 2, len_ + n));
        return buf_.data() + len_;
    }
    std::string buf_;
    size_t len_ = 0;
};

void put_value(BinOut& o, const PackedValue& v) {
    if (v.decimal_text()) {
        o.byte(kDecimalTextKind);
        o.svarint(v.payload);
        return;
    }
    if (v.float_text()) {
        o.byte(kFloatTextKind);
        const auto bits = static_cast<uint64_t>(v.payload);
        for (int i = 0; i < 8; i++) o.byte(static_cast<uint8_t>(bits >> (8 * i)));
        return;
    }
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

}  // namespace

std::string write_trace_binary(const Trace& trace) {
    BinOut o(64 + trace.step_count() * 8 + trace.change_count() * 6);
    o.bytes(kBinaryMagic, sizeof kBinaryMagic);
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
                    o.svarint(c.payload);
                    break;
                case Change::Kind::FieldSet:
                    o.varint(c.name);
                    put_value(o, c.value());
                    break;
                case Change::Kind::FieldRemoved: o.varint(c.name); break;
                case Change::Kind::Refcount: o.svarint(c.payload); break;
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
        if (r.value_kind != Value::Kind::Null) flags |= SF_VALUE;
        if (r.extra) flags |= SF_EXTRA;
        o.byte(static_cast<uint8_t>(r.kind));
        o.byte(flags);
        if (flags & SF_DETAIL) o.byte(r.detail);
        if (flags & SF_LINE) o.svarint(r.line);
        if (flags & SF_LASTI) o.svarint(r.lasti);
        if (flags & SF_TEXT) o.varint(r.text);
        if (flags & SF_SUBJECT) o.varint(r.subject);
        if (flags & SF_FRAME) o.varint(r.frame);
        if (flags & SF_VALUE) put_value(o, r.value());
        if (flags & SF_EXTRA) {
            const StepExtra& x = trace.extras()[r.extra];
            o.varint(x.objects.size());
            for (ObjectId id : x.objects) o.varint(id);
            o.f64(x.virtual_time);
        }
    }
    o.bytes("YSEND", 5);
    return o.take();
}

}  // namespace ys::trace
