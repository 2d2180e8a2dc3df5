#include "trace/trace.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

#include "trace/trace_io.h"

namespace ys::trace {

// The in-memory cost per step and per change (the load and recording benchmarks are
// bound by memory): keep these from growing by accident.
static_assert(sizeof(Change) == 24);
static_assert(sizeof(StepRecord) == 56);

const char* tool_version() { return "yieldscope 0.1.0"; }

const char* granularity_name(Granularity g) {
    switch (g) {
        case Granularity::Events: return "events";
        case Granularity::Lines: return "lines";
        case Granularity::Instructions: return "instructions";
    }
    return "?";
}

bool parse_granularity(std::string_view name, Granularity& out) {
    if (name == "events") out = Granularity::Events;
    else if (name == "lines") out = Granularity::Lines;
    else if (name == "instructions") out = Granularity::Instructions;
    else return false;
    return true;
}

const char* resume_how_name(ResumeHow how) {
    switch (how) {
        case ResumeHow::Next: return "next";
        case ResumeHow::Send: return "send";
        case ResumeHow::Throw: return "throw";
        case ResumeHow::Close: return "close";
        case ResumeHow::ForIter: return "for";
        case ResumeHow::YieldFrom: return "yield from";
    }
    return "?";
}

const char* dealloc_cause_name(DeallocCause cause) {
    switch (cause) {
        case DeallocCause::RefcountZero: return "refcount";
        case DeallocCause::CycleCollector: return "collector";
        case DeallocCause::Shutdown: return "shutdown";
    }
    return "?";
}

bool parse_event_kind(std::string_view name, EventKind& out) {
#define YS_EVENT_PARSE(n, label) \
    if (name == #n) { out = EventKind::n; return true; }
    YS_EVENT_KINDS(YS_EVENT_PARSE)
#undef YS_EVENT_PARSE
    return false;
}

const char* change_kind_name(Change::Kind kind) {
    switch (kind) {
        case Change::Kind::Created: return "create";
        case Change::Kind::FieldSet: return "set";
        case Change::Kind::Refcount: return "refcount";
        case Change::Kind::Freed: return "free";
        case Change::Kind::FieldRemoved: return "remove";
    }
    return "?";
}

Trace::Trace() {
    strings_.emplace_back();
    extras_.emplace_back();
    header.tool_version = tool_version();
}

namespace {

// A cheap slot for the intern cache: the length and the first and last 8 bytes.
size_t intern_slot(std::string_view s, size_t slots) {
    uint64_t a = 0, b = 0;
    std::memcpy(&a, s.data(), std::min<size_t>(8, s.size()));
    if (s.size() > 8) std::memcpy(&b, s.data() + s.size() - 8, 8);
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ s.size();
    return static_cast<size_t>(h >> 40) & (slots - 1);
}

[[noreturn, gnu::noinline, gnu::cold]] void object_id_too_large(ObjectId id) {
    throw std::length_error("object id " + std::to_string(id) + " is too large for a trace");
}

// A change's object id in its 32 bits. Ids are handed out one by one, so a real run never
// comes near the limit; the readers check it with a location first.
inline uint32_t change_object(ObjectId id) {
    if (id > kMaxChangeObject) [[unlikely]]
        object_id_too_large(id);
    return static_cast<uint32_t>(id);
}

}  // namespace

uint32_t Trace::intern(std::string_view s) {
    if (s.empty()) return 0;
    if (intern_cache_.size() != kInternCache) intern_cache_.assign(kInternCache, 0);  // moved-from
    uint32_t& cached = intern_cache_[intern_slot(s, kInternCache)];
    if (cached && cached < strings_.size() && strings_[cached] == s) return cached;
    // At most half full (also rebuilds a moved-from or freshly read table).
    if ((string_ids_used_ + 1) * 2 > string_ids_.size() || string_ids_used_ + 1 < strings_.size())
        rebuild_string_ids(std::max<size_t>(string_ids_.size() * 2, 1024));
    const uint64_t h = std::hash<std::string_view>{}(s);
    const uint32_t tag = static_cast<uint32_t>(h);
    const size_t mask = string_ids_.size() - 1;
    for (size_t i = static_cast<size_t>(h >> 32) & mask;; i = (i + 1) & mask) {
        IdSlot& slot = string_ids_[i];
        if (!slot.id_plus1) {
            uint32_t id = static_cast<uint32_t>(strings_.size());
            strings_.emplace_back(s);
            slot = IdSlot{id + 1, tag};
            string_ids_used_++;
            cached = id;
            return id;
        }
        if (slot.hash == tag && strings_[slot.id_plus1 - 1] == s) {
            cached = slot.id_plus1 - 1;
            return cached;
        }
    }
}

void Trace::rebuild_string_ids(size_t slots) {
    while (slots < strings_.size() * 2) slots *= 2;
    string_ids_.assign(slots, IdSlot{});
    string_ids_used_ = 0;
    const size_t mask = slots - 1;
    for (uint32_t id = 1; id < strings_.size(); id++) {  // [0] is "", answered before the table
        const uint64_t h = std::hash<std::string_view>{}(strings_[id]);
        size_t i = static_cast<size_t>(h >> 32) & mask;
        while (string_ids_[i].id_plus1) i = (i + 1) & mask;
        string_ids_[i] = IdSlot{id + 1, static_cast<uint32_t>(h)};
        string_ids_used_++;
    }
}

bool parse_decimal_repr(std::string_view text, int64_t& out) {
    const bool negative = !text.empty() && text[0] == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    // At most 18 digits: always within int64, so no overflow test is needed.
    if (digits.empty() || digits.size() > 18 || (digits[0] == '0' && (digits.size() > 1 || negative)))
        return false;
    int64_t n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    out = negative ? -n : n;
    return true;
}

PackedValue Trace::pack(const Value& v) {
    PackedValue p;
    p.kind = v.kind;
    switch (v.kind) {
        case Value::Kind::Null: break;
        case Value::Kind::Int: p.payload = v.number; break;
        case Value::Kind::Text: {
            if (v.repr_of != Value::ReprOf::Text) {
                p.text = v.repr_of == Value::ReprOf::Int ? PackedValue::kDecimalText : PackedValue::kFloatText;
                p.payload = v.number;
                break;
            }
            const char c0 = v.text.empty() ? '\0' : v.text[0];
            if (((c0 >= '0' && c0 <= '9') || c0 == '-') && parse_decimal_repr(v.text, p.payload))
                p.text = PackedValue::kDecimalText;
            else
                p.text = intern(v.text);
            break;
        }
        case Value::Kind::Ref:
            p.payload = static_cast<int64_t>(v.ref);
            p.text = v.text.empty() ? 0 : intern(v.text);  // labels come only from hand-written traces
            break;
    }
    return p;
}

Value Trace::unpack(const PackedValue& p) const {
    switch (p.kind) {
        case Value::Kind::Null: return Value::null();
        case Value::Kind::Int: return Value::integer(p.payload);
        case Value::Kind::Text:
            if (p.text == PackedValue::kDecimalText) return Value::int_repr_of(p.payload).spelled();
            if (p.text == PackedValue::kFloatText) return Value::float_repr_of(std::bit_cast<double>(p.payload)).spelled();
            return Value::inline_text(std::string(str(p.text)));
        case Value::Kind::Ref: {
            Value v;
            v.kind = Value::Kind::Ref;
            v.ref = static_cast<ObjectId>(p.payload);
            v.text = std::string(str(p.text));
            return v;
        }
    }
    return Value::null();
}

Event Trace::event(uint64_t step) const {
    const StepRecord& r = steps_[step];
    Event e;
    e.kind = r.kind;
    e.subject = r.subject;
    e.frame = r.frame;
    e.line = r.line;
    e.lasti = r.lasti;
    e.detail = r.detail;
    e.value = unpack(r.value());
    e.text = std::string(str(r.text));
    if (r.extra) {
        e.objects = extras_[r.extra].objects;
        e.virtual_time = extras_[r.extra].virtual_time;
    }
    return e;
}

std::span<const Change> Trace::changes(uint64_t step) const {
    uint64_t begin = steps_[step].changes_begin;
    uint64_t end = step + 1 < steps_.size() ? steps_[step + 1].changes_begin : changes_.size();
    return std::span<const Change>(changes_.data() + begin, end - begin);
}

const CodeObject* Trace::code(ObjectId id) const {
    auto it = codes.find(id);
    return it == codes.end() ? nullptr : it->second.get();
}

uint64_t Trace::find_next(EventKind kind, uint64_t from) const {
    for (uint64_t i = from; i < steps_.size(); ++i)
        if (steps_[i].kind == kind) return i;
    return steps_.size();
}

uint64_t Trace::find_prev(EventKind kind, uint64_t from) const {
    if (steps_.empty()) return std::numeric_limits<uint64_t>::max();
    if (from >= steps_.size()) from = steps_.size() - 1;
    for (uint64_t i = from + 1; i-- > 0;)
        if (steps_[i].kind == kind) return i;
    return std::numeric_limits<uint64_t>::max();
}

void Trace::add_created(ObjectId id, std::string_view type_name, int64_t refcount) {
    Change c;
    c.kind = Change::Kind::Created;
    c.name = intern(type_name);
    c.object = change_object(id);
    c.value_kind = Value::Kind::Int;
    c.payload = refcount;
    changes_.push_back(c);
}

void Trace::add_field_set(ObjectId id, std::string_view field, const Value& value) {
    add_field_set_interned(id, intern(field), value);
}

void Trace::add_field_set_interned(ObjectId id, uint32_t name, const Value& value) {
    Change c;
    c.kind = Change::Kind::FieldSet;
    c.name = name;
    c.object = change_object(id);
    c.set_value(pack(value));
    changes_.push_back(c);
}

void Trace::add_field_removed(ObjectId id, std::string_view field) {
    add_field_removed_interned(id, intern(field));
}

void Trace::add_field_removed_interned(ObjectId id, uint32_t name) {
    Change c;
    c.kind = Change::Kind::FieldRemoved;
    c.name = name;
    c.object = change_object(id);
    changes_.push_back(c);
}

void Trace::add_refcount(ObjectId id, int64_t refcount) {
    Change c;
    c.kind = Change::Kind::Refcount;
    c.object = change_object(id);
    c.value_kind = Value::Kind::Int;
    c.payload = refcount;
    changes_.push_back(c);
}

void Trace::add_freed(ObjectId id) {
    Change c;
    c.kind = Change::Kind::Freed;
    c.object = change_object(id);
    changes_.push_back(c);
}

uint64_t Trace::pending_changes_begin() const {
    return closed_changes_end_;
}

void Trace::add_event(const Event& event) {
    StepRecord r;
    r.kind = event.kind;
    r.detail = event.detail;
    r.line = event.line;
    r.lasti = event.lasti;
    r.text = intern(event.text);
    r.subject = event.subject;
    r.frame = event.frame;
    r.set_value(pack(event.value));
    r.changes_begin = closed_changes_end_;
    if (!event.objects.empty() || event.virtual_time != 0.0) {
        r.extra = static_cast<uint32_t>(extras_.size());
        extras_.push_back(StepExtra{event.objects, event.virtual_time});
    }
    steps_.push_back(r);
    closed_changes_end_ = changes_.size();
}

void Trace::add_record(StepRecord record, const StepExtra* extra) {
    record.changes_begin = closed_changes_end_;
    record.extra = 0;
    if (extra && (!extra->objects.empty() || extra->virtual_time != 0.0)) {
        record.extra = static_cast<uint32_t>(extras_.size());
        extras_.push_back(*extra);
    }
    steps_.push_back(record);
    closed_changes_end_ = changes_.size();
}

void Trace::reserve(uint64_t steps, uint64_t changes) {
    steps_.reserve(steps);
    changes_.reserve(changes);
}

size_t Trace::memory_bytes() const {
    size_t bytes = steps_.capacity() * sizeof(StepRecord) + changes_.capacity() * sizeof(Change) +
                   extras_.capacity() * sizeof(StepExtra) + strings_.capacity() * sizeof(std::string);
    for (const auto& s : strings_) bytes += s.size() > 15 ? s.capacity() + 1 : 0;
    bytes += string_ids_.capacity() * sizeof(IdSlot);
    return bytes;
}

bool Trace::same_content(const Trace& o) const {
    if (!(header == o.header) || filename != o.filename || source != o.source ||
        annotations != o.annotations || steps_.size() != o.steps_.size() ||
        changes_.size() != o.changes_.size() || codes.size() != o.codes.size())
        return false;
    for (auto a = codes.begin(), b = o.codes.begin(); a != codes.end(); ++a, ++b) {
        if (a->first != b->first) return false;
        if (code_to_json_text(*a->second) != code_to_json_text(*b->second)) return false;
    }
    for (uint64_t i = 0; i < steps_.size(); ++i) {
        const Event x = event(i), y = o.event(i);
        if (x.kind != y.kind || x.subject != y.subject || x.frame != y.frame ||
            x.line != y.line || x.lasti != y.lasti || x.detail != y.detail ||
            !(x.value == y.value) || x.text != y.text || x.objects != y.objects ||
            x.virtual_time != y.virtual_time || steps_[i].changes_begin != o.steps_[i].changes_begin)
            return false;
    }
    for (uint64_t i = 0; i < changes_.size(); ++i) {
        const Change& x = changes_[i];
        const Change& y = o.changes_[i];
        if (x.kind != y.kind || x.object != y.object || str(x.name) != o.str(y.name) ||
            !(unpack(x.value()) == o.unpack(y.value())))
            return false;
    }
    return true;
}

}  // namespace ys::trace
