// The reporting wrapper sink and the field reporters for frames and the thread state
// (REPORTING.md); the other objects' reporters are in trace_report_objects.cpp. Only
// reached with a sink attached.
//
// Cost model: at every event the VM re-reports what may have changed; this wrapper
// keeps the last value of every field (a per-object shadow, field names interned to
// small ids) and forwards only real changes, so the recorder's work is proportional to
// what changed. The re-report itself is kept cheap: inline values are formatted without
// making Python objects, frames' field names are built once per code object, and the
// module namespace is re-read only when a store marked its dict dirty. Field names
// reach the recorder as its own string ids (interned once), shadows are found by trace
// id in a flat index, an event that directly follows another with nothing reported in
// between skips the re-report, a generator reported right before its event is not
// read again by that event's sync, and a frame below the running one is re-read only
// when it ran or was written since its last re-report (Frame::report_stale). Fields that
// almost never change (a generator's code and names, the thread state's modules and
// streams, a frame's owner) are re-read only when the pointers they are read from
// changed (trace_fields_unchanged), and an int's repr is compared as a number. None of
// this changes what is recorded.
#include "vm/trace_report.h"
#include "vm/trace_report_objects.h"

#include <algorithm>
#include <bit>
#include <atomic>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vm/genobject.h"
#include "vm/runtime.h"
#include "vm/trace_value_text.h"

namespace ys::vm {

namespace {

// The last reported value of one field; `seen` marks the fields met by a full re-scan.
struct FieldSlot {
    uint32_t name;
    bool seen;
    trace::Value value;
    Object* immortal = nullptr;  // the never-freed object `value` was made from, if any
};
// What an object's rarely-changing fields were read from at their last report (see
// trace_fields_unchanged): pointers and ids, compared before those fields are re-read.
constexpr size_t kFixedKey = 6;
struct Shadow {
    std::vector<FieldSlot> slots;   // in first-report order
    size_t cursor = 0;              // where the next in-order re-report should match
    uint64_t synced = 0;            // the sync() that last reported it whole (frames)
    bool fixed_valid = false;
    uintptr_t fixed[kFixedKey] = {};
};

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Numbers the recordings, so a FieldName knows whether its id is the running one's.
std::atomic<uint64_t> g_report_epochs{0};

class ReportSink final : public trace::TraceSink {
public:
    explicit ReportSink(trace::TraceSink* in)
        : inner(in),
          interned_names(in->takes_interned_names()),
          number_reprs(in->takes_number_reprs()),
          epoch(++g_report_epochs) {
        for (const char* n : {"f_code", "f_func", "previous", "prev_instr", "f_lineno", "stacktop", "owner"})
            frame_names.push_back(name_id(n));
        for (const char* n : {"cframe.current_frame", "exc_info", "exc_state.exc_value", "interp.modules",
                              "interp.sys_stdout", "interp.sys_stderr"})
            ts_names.push_back(name_id(n));
    }
    trace::TraceSink* inner;
    // The usual inner sink (the recorder) takes field names as its own string ids.
    bool interned_names;
    bool number_reprs;  // the inner sink takes Value::int_repr_of / float_repr_of (forward_set)
    static constexpr uint32_t kNotInterned = UINT32_MAX;
    std::vector<uint32_t> recorder_names;  // by name id: the recorder's string id
    uint64_t epoch;
    uint64_t ts_id = 0;
    std::unordered_set<Object*> dirty;
    Object* last_dirty = nullptr;         // the common case: the same object touched again
    // Shadows by trace id (ids are dense: handed out in sequence), kept in a pool
    // whose elements never move; freed shadows are reused.
    std::vector<Shadow*> shadow_index;
    std::deque<Shadow> shadow_pool;
    std::vector<Shadow*> free_shadows;
    trace::ObjectId cached_id = 0;         // shadow lookup cache
    Shadow* cached_shadow = nullptr;
    // Field names, interned once (a frame's "localsplus[x]" is built once per code).
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> name_ids;
    std::vector<std::string> names;
    std::vector<uint32_t> frame_names;     // the fixed frame fields, in order
    std::vector<uint32_t> ts_names;        // the thread state's fields, in order
    std::unordered_map<uint64_t, std::vector<uint32_t>> code_slot_names;  // by code trace id
    static constexpr size_t kCodeNamesCache = 64;
    std::pair<uint64_t, std::vector<uint32_t>*> code_names_cache[kCodeNamesCache] = {};
    std::vector<uint32_t> stack_names;     // "stack[i]"
    // Module namespaces: a store marks the dict dirty; the module is re-read then.
    std::unordered_map<Object*, Object*> module_of_dict;
    // Process-wide objects (static types, objects made before any runtime) that got
    // an id in this run: their ids are reset at the end so the next recording in
    // the same process numbers them afresh.
    std::vector<Object*> statics;
    bool syncing = false;
    // Reporting a generator right before its event (trace_gen_event): what is
    // reported counts as read by that event's sync, the next one.
    bool presync = false;
    uint64_t sync_stamp() const { return syncing ? sync_count : presync ? sync_count + 1 : 0; }
    // Nothing reported since the last event was forwarded, and nothing left dirty
    // (trace_event_following may then skip the re-report).
    bool quiet = false;
    uint64_t sync_count = 0;   // numbers the syncs, so a frame is reported once per sync

    // Field names come back millions of times (a generator's "gi_frame_state" at each
    // of its events): a direct-mapped cache on the length and the first and last 8
    // bytes answers most lookups with one compare, the hash map the rest.
    static constexpr size_t kNameCache = 1024;
    uint32_t name_cache[kNameCache] = {};   // name id + 1, 0 = empty
    static size_t quick_slot(std::string_view s) {
        uint64_t a = 0, b = 0;
        std::memcpy(&a, s.data(), std::min<size_t>(8, s.size()));
        if (s.size() > 8) std::memcpy(&b, s.data() + s.size() - 8, 8);
        uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ s.size();
        return static_cast<size_t>(h >> 54) & (kNameCache - 1);
    }
    uint32_t name_id(std::string_view s) {
        uint32_t& cached = name_cache[quick_slot(s)];
        if (cached && names[cached - 1] == s) return cached - 1;
        auto it = name_ids.find(s);
        uint32_t id;
        if (it != name_ids.end()) {
            id = it->second;
        } else {
            id = static_cast<uint32_t>(names.size());
            names.emplace_back(s);
            name_ids.emplace(names.back(), id);
            recorder_names.push_back(kNotInterned);
        }
        cached = id + 1;
        return id;
    }
    uint32_t stack_name(int i) {
        while (stack_names.size() <= static_cast<size_t>(i))
            stack_names.push_back(name_id("stack[" + std::to_string(stack_names.size()) + "]"));
        return stack_names[static_cast<size_t>(i)];
    }
    Shadow& shadow(trace::ObjectId id) {
        if (id != cached_id || !cached_shadow) {
            if (id >= shadow_index.size()) shadow_index.resize(std::max<size_t>(id + 1, shadow_index.size() * 2), 0);
            Shadow*& entry = shadow_index[id];
            if (!entry) {
                if (free_shadows.empty()) {
                    entry = &shadow_pool.emplace_back();
                } else {
                    entry = free_shadows.back();
                    free_shadows.pop_back();
                }
            }
            cached_shadow = entry;
            cached_id = id;
        }
        return *cached_shadow;
    }
    Shadow* find_shadow(trace::ObjectId id) {
        return id < shadow_index.size() ? shadow_index[id] : nullptr;
    }
    void drop_shadow(trace::ObjectId id) {
        if (id == cached_id) cached_shadow = nullptr;
        if (id >= shadow_index.size() || !shadow_index[id]) return;
        Shadow* gone = shadow_index[id];
        shadow_index[id] = nullptr;
        *gone = Shadow{};
        free_shadows.push_back(gone);
    }

    FieldSlot* find_slot(Shadow& s, uint32_t name) {
        size_t n = s.slots.size();
        if (s.cursor < n && s.slots[s.cursor].name == name) return &s.slots[s.cursor++];
        for (size_t i = 0; i < n; i++)
            if (s.slots[i].name == name) {
                s.cursor = i + 1;
                return &s.slots[i];
            }
        return nullptr;
    }
    // Forwards the field only when its value changed since the last report.
    FieldSlot* set(trace::ObjectId id, uint32_t name, const trace::Value& value) {
        Shadow& s = shadow(id);
        FieldSlot* slot = find_slot(s, name);
        if (slot) {
            slot->seen = true;
            if (slot->value == value) return slot;
            slot->value = value;
            slot->immortal = nullptr;
        } else {
            s.slots.push_back(FieldSlot{name, true, value});
            s.cursor = s.slots.size();
            slot = &s.slots.back();
        }
        forward_set(id, name, value);
        return slot;
    }
    // Interned when first forwarded, not when first named, so the recorder's string
    // table comes out in the same order as through the string_view calls.
    uint32_t recorder_name(uint32_t name) {
        uint32_t& r = recorder_names[name];
        if (r == kNotInterned) r = inner->intern_field_name(names[name]);
        return r;
    }
    // The shadows hold ints and floats as numbers (Value::int_repr_of, float_repr_of):
    // compared without making their text, which is made here only for a sink that
    // does not take them.
    void forward_set(trace::ObjectId id, uint32_t name, const trace::Value& value) {
        if (!number_reprs && value.repr_of != trace::Value::ReprOf::Text) {
            forward_set(id, name, value.spelled());
            return;
        }
        quiet = false;
        if (interned_names) inner->on_field_set_interned(id, recorder_name(name), value);
        else inner->on_field_set(id, names[name], value);
    }
    void forward_removed(trace::ObjectId id, uint32_t name) {
        quiet = false;
        if (interned_names) inner->on_field_removed_interned(id, recorder_name(name));
        else inner->on_field_removed(id, names[name]);
    }
    // An inline text, compared before a Value (and its string) is made.
    void set_text(trace::ObjectId id, uint32_t name, std::string_view text) {
        FieldSlot* slot = find_slot(shadow(id), name);
        if (slot && slot->value.kind == trace::Value::Kind::Text && slot->value.text == text) {
            slot->seen = true;
            return;
        }
        store_text(id, slot, name, text);
    }
    // The common kinds without building a Value first: only a change allocates.
    // Returns false when the field already held that value.
    bool set_int(trace::ObjectId id, uint32_t name, int64_t n) {
        FieldSlot* slot = find_slot(shadow(id), name);
        if (slot && slot->value.kind == trace::Value::Kind::Int && slot->value.number == n) {
            slot->seen = true;
            return false;
        }
        store_int(id, slot, name, n);
        return true;
    }
    void set_ref(trace::ObjectId id, uint32_t name, trace::ObjectId ref) {
        FieldSlot* slot = find_slot(shadow(id), name);
        const auto kind = ref ? trace::Value::Kind::Ref : trace::Value::Kind::Null;
        if (slot && slot->value.kind == kind && slot->value.ref == ref && slot->value.text.empty()) {
            slot->seen = true;
            return;
        }
        store_ref(id, slot, name, ref);
    }
    // The changed path of the set_* above, out of line (the Value too) so that their
    // unchanged path, by far the most common, stays small.
    [[gnu::noinline]] FieldSlot* store_text(trace::ObjectId id, FieldSlot* slot, uint32_t name, std::string_view text) {
        return store_changed(id, slot, name, trace::Value::inline_text(std::string(text)));
    }
    [[gnu::noinline]] FieldSlot* store_int(trace::ObjectId id, FieldSlot* slot, uint32_t name, int64_t n) {
        return store_changed(id, slot, name, trace::Value::integer(n));
    }
    [[gnu::noinline]] FieldSlot* store_ref(trace::ObjectId id, FieldSlot* slot, uint32_t name, trace::ObjectId ref) {
        return store_changed(id, slot, name, trace::Value::pointer(ref));
    }
    // `slot` is the field's slot, or null when the field is new.
    FieldSlot* store_changed(trace::ObjectId id, FieldSlot* slot, uint32_t name, trace::Value value) {
        if (slot) {
            slot->seen = true;
            slot->value = std::move(value);
            slot->immortal = nullptr;
        } else {
            Shadow& s = shadow(id);
            s.slots.push_back(FieldSlot{name, true, std::move(value)});
            s.cursor = s.slots.size();
            slot = &s.slots.back();
        }
        forward_set(id, name, slot->value);
        return slot;
    }
    // A field holding `o`: an immortal object (None, a small int, an interned str)
    // still in the slot is the same value, so its repr is not made again.
    void set_object(trace::ObjectId id, uint32_t name, Object* o) {
        // Ints first, the small immortal ones too: a counter's new value, mostly.
        if (o && o->ob_type == &Int_Type && !int_is_big(o)) {
            set_number_repr(id, name, trace::Value::ReprOf::Int, int_value(o));
            return;
        }
        if (o && o->ob_type == &Float_Type) {
            set_number_repr(id, name, trace::Value::ReprOf::Float, std::bit_cast<int64_t>(float_value(o)));
            return;
        }
        if (o && o->ob_refcnt >= kImmortal) {
            FieldSlot* slot = find_slot(shadow(id), name);
            if (slot && slot->immortal == o) {
                slot->seen = true;
                return;
            }
            set_immortal(id, name, o);
            return;
        }
        if (!o || !is_inline(o)) {
            if (o) trace_created(o);
            set_ref(id, name, o ? o->ob_trace_id : 0);
            return;
        }
        set_inline(id, name, o);
    }
    // set_object's less common paths, out of line (they make a Value).
    [[gnu::noinline]] void set_immortal(trace::ObjectId id, uint32_t name, Object* o) {
        set(id, name, trace_value(o))->immortal = o;
    }
    [[gnu::noinline]] void set_inline(trace::ObjectId id, uint32_t name, Object* o) { set(id, name, trace_value(o)); }
    // An int's or a float's repr, compared as the number (`number`: the int, or the
    // float's bits) without making a Value.
    void set_number_repr(trace::ObjectId id, uint32_t name, trace::Value::ReprOf repr_of, int64_t number) {
        FieldSlot* slot = find_slot(shadow(id), name);
        if (slot && slot->value.repr_of == repr_of && slot->value.number == number) {
            slot->seen = true;
            return;
        }
        store_number_repr(id, slot, name, repr_of, number);
    }
    [[gnu::noinline]] void store_number_repr(trace::ObjectId id, FieldSlot* slot, uint32_t name,
                                             trace::Value::ReprOf repr_of, int64_t number) {
        trace::Value v = trace::Value::int_repr_of(number);
        v.repr_of = repr_of;
        store_changed(id, slot, name, std::move(v));
    }
    static constexpr int64_t kImmortal = int64_t{1} << 29;  // the refcount of statics (memory.cpp)
    // A full re-scan of an object whose fields come and go (dict keys, attributes,
    // list items): fields not re-reported between begin and end are removed.
    void begin_scan(trace::ObjectId id) {
        Shadow& s = shadow(id);
        for (auto& slot : s.slots) slot.seen = false;
        s.cursor = 0;
    }
    void end_scan(trace::ObjectId id) {
        Shadow& s = shadow(id);
        auto gone = std::stable_partition(s.slots.begin(), s.slots.end(), [](const FieldSlot& f) { return f.seen; });
        for (auto it = gone; it != s.slots.end(); ++it) forward_removed(id, it->name);
        s.slots.erase(gone, s.slots.end());
        s.cursor = 0;
    }

    void on_code(trace::ObjectId id, const CodePtr& code) override {
        quiet = false;
        inner->on_code(id, code);
    }
    void on_object_created(trace::ObjectId id, std::string_view type_name, int64_t refcount) override {
        quiet = false;
        inner->on_object_created(id, type_name, refcount);
    }
    void on_field_set(trace::ObjectId id, std::string_view field, const trace::Value& value) override {
        quiet = false;
        set(id, name_id(field), value);
    }
    void on_field_removed(trace::ObjectId id, std::string_view field) override {
        quiet = false;
        Shadow& s = shadow(id);
        uint32_t name = name_id(field);
        auto it = std::find_if(s.slots.begin(), s.slots.end(), [&](const FieldSlot& f) { return f.name == name; });
        if (it == s.slots.end()) return;
        s.slots.erase(it);
        s.cursor = 0;
        forward_removed(id, name);
    }
    void on_refcount(trace::ObjectId id, int64_t refcount) override {
        quiet = false;
        inner->on_refcount(id, refcount);
    }
    void on_object_freed(trace::ObjectId id) override {
        quiet = false;
        drop_shadow(id);
        inner->on_object_freed(id);
    }
    // Unrecorded code: its heap changes are kept (they land in the next step), its
    // events are not steps. Output still is: nothing printed may be lost.
    bool unrecorded(const trace::Event& e) const {
        return unrecorded_depth > 0 && e.kind != trace::EventKind::Output;
    }
    // What every forwarded event carries: the loop's clock (Level 2), and the event's
    // own frame when it names one (a yield happens in the generator's frame, already
    // detached), else the running frame.
    trace::Event stamped(const trace::Event& e) {
        trace::Event ev = e;
        ev.virtual_time = t_rt->virtual_clock;
        if (!ev.frame) {
            Frame* f = t_rt->current_frame;
            ev.frame = f ? frame_trace_id(f) : 0;
        }
        return ev;
    }
    // The event's value spelled out for a sink that takes no number reprs (forward_set).
    void forward_event(const trace::Event& e) {
        if (number_reprs || e.value.repr_of == trace::Value::ReprOf::Text) {
            inner->on_event(e);
            return;
        }
        trace::Event spelled = e;
        spelled.value = e.value.spelled();
        inner->on_event(spelled);
    }
    void on_event(const trace::Event& e) override {
        if (unrecorded(e)) return;
        if (syncing || !t_rt) {
            quiet = false;
            forward_event(e);
            return;
        }
        syncing = true;
        Object* saved = err_fetch();
        sync();
        trace::Event ev = stamped(e);
        err_restore(saved);
        syncing = false;
        forward_event(ev);
        quiet = dirty.empty();
    }
    // The event with what on_event adds, but no re-report.
    bool forward_following(const trace::Event& e) {
        if (unrecorded(e)) return true;  // swallowed, as on_event would
        if (!quiet || syncing || !t_rt) return false;
        trace::Event ev = stamped(e);
        if (!quiet) return false;  // frame_trace_id reported a new frame after all
        sync_count++;               // as the skipped sync would have
        forward_event(ev);
        return true;
    }
    // Whether `key` is what the object's fixed fields were read from last time (then
    // they hold the same values); records it for next time. Only for fields whose value
    // is a function of the key (see trace_fields_unchanged in trace_report.h).
    bool fields_unchanged(trace::ObjectId id, std::initializer_list<uintptr_t> key) {
        Shadow& s = shadow(id);
        bool same = s.fixed_valid && std::equal(key.begin(), key.end(), s.fixed);
        if (!same) {
            std::copy(key.begin(), key.end(), s.fixed);
            s.fixed_valid = true;
        }
        return same;
    }
    static uintptr_t key_of(const Object* o) { return reinterpret_cast<uintptr_t>(o); }
    static uintptr_t id_of(const Object* o) { return o ? static_cast<uintptr_t>(o->ob_trace_id) : 0; }
    int unrecorded_depth = 0;
    void sync();
    void report_thread_state();
    void report_frames();
    void report_generator(Object* gen);
    std::vector<Object*> sync_todo, sync_modules;  // sync()'s work lists
};

thread_local ReportSink* t_report = nullptr;

const char* owner_name(uint8_t owner) {
    switch (owner) {
        case FRAME_OWNED_BY_GENERATOR: return "FRAME_OWNED_BY_GENERATOR";
        case FRAME_OWNED_BY_FRAME_OBJECT: return "FRAME_OWNED_BY_FRAME_OBJECT";
        default: return "FRAME_OWNED_BY_THREAD";
    }
}

// "localsplus[NAME]" for each local of the code, interned once per code object.
const std::vector<uint32_t>& localsplus_names(CodeObj* co) {
    trace_created(co);
    // The same few codes come back at every event: a direct-mapped cache by id.
    auto& cached = t_report->code_names_cache[co->ob_trace_id & (ReportSink::kCodeNamesCache - 1)];
    if (cached.first == co->ob_trace_id && cached.second) return *cached.second;
    auto& ids = t_report->code_slot_names[co->ob_trace_id];
    cached = {co->ob_trace_id, &ids};
    if (ids.empty() && co->nlocalsplus > 0) {
        Object** names = tuple_items(co->localsplusnames);
        for (int i = 0; i < co->nlocalsplus; i++)
            ids.push_back(t_report->name_id("localsplus[" + str_value(names[i]) + "]"));
    }
    return ids;
}

// Whether a frame ran since its fields were last reported (its prev_instr moved).
bool frame_moved(Frame* f) {
    if (!f->trace_id) return true;
    const Shadow* sh = t_report->find_shadow(f->trace_id);
    if (!sh) return true;
    const auto& slots = sh->slots;
    if (slots.size() <= 3) return true;
    const trace::Value& v = slots[3].value;  // prev_instr, the 4th field reported
    return v.kind != trace::Value::Kind::Int || v.number != (f->prev_instr < 0 ? -1 : f->prev_instr * 2);
}

}  // namespace

namespace report {
void field(uint64_t id, std::string_view name, const trace::Value& v) { t_report->set(id, t_report->name_id(name), v); }
void field_object(uint64_t id, std::string_view name, Object* o) {
    t_report->set_object(id, t_report->name_id(name), o);
}
void begin_scan(uint64_t id) { t_report->begin_scan(id); }
void end_scan(uint64_t id) { t_report->end_scan(id); }
void module_owns_dict(Object* module, Object* dict) { t_report->module_of_dict[dict] = module; }
trace::TraceSink* sink() { return t_report; }
}  // namespace report

void ReportSink::report_thread_state() {
    Runtime& r = *t_rt;
    const std::vector<uint32_t>& n = ts_names;
    set_ref(ts_id, n[0], r.current_frame ? frame_trace_id(r.current_frame) : 0);
    set_ref(ts_id, n[1], exc_item_owner(r.exc_info));
    set_object(ts_id, n[2], r.exc_state.exc_value);
    // What the interpreter state owns (a deliberate addition, REPORTING.md); the same
    // objects at nearly every event.
    if (fields_unchanged(ts_id, {key_of(r.modules), id_of(r.modules), key_of(r.sys_stdout), id_of(r.sys_stdout),
                                 key_of(r.sys_stderr), id_of(r.sys_stderr)}))
        return;
    set_object(ts_id, n[3], r.modules);
    set_object(ts_id, n[4], r.sys_stdout);
    set_object(ts_id, n[5], r.sys_stderr);
}

// The running frame and its caller always; deeper frames while they have moved since
// their last report (a frame runs only when every frame above it on the chain was
// pushed or resumed after, so the first one that has not moved ends the walk).
// A frame below the running one is skipped when it has not run (nor been written)
// since its last re-report (Frame::report_stale): re-reading it would find no change.
void ReportSink::report_frames() {
    Frame* running = t_rt->current_frame;
    Frame* f = running;
    for (int depth = 0; f; f = f->previous, depth++) {
        if (depth >= 2 && !frame_moved(f)) break;
        if (f != running && !f->report_stale && f->trace_id) continue;
        // A generator's frame on the chain: the generator's state and saved exception
        // move with the frame's instructions (YIELD_VALUE, an except block), which
        // report nothing of their own.
        if (f->owner == FRAME_OWNED_BY_GENERATOR) report_generator(gen_from_frame(f));
        report_frame_fields(f);
        if (f != running) f->report_stale = false;
    }
}

// Once per sync: a generator can be both dirty and on the frame chain.
void ReportSink::report_generator(Object* gen) {
    if (!gen->ob_trace_id) return;
    Shadow& sh = shadow(gen->ob_trace_id);
    if (sh.synced == sync_count) return;
    sh.synced = sync_count;
    report::report_object(gen);
}

void ReportSink::sync() {
    sync_count++;
    // Dirty objects first (their reports may create further objects; those are
    // reported at the next event, or right here when they are referenced).
    for (int round = 0; round < 4 && !dirty.empty(); round++) {
        std::vector<Object*>& todo = sync_todo;  // reused: no allocation per event
        todo.assign(dirty.begin(), dirty.end());
        dirty.clear();
        last_dirty = nullptr;
        // In id order: the set's pointer order would differ from run to run.
        std::sort(todo.begin(), todo.end(), [](Object* a, Object* b) { return a->ob_trace_id < b->ob_trace_id; });
        std::vector<Object*>& modules = sync_modules;
        modules.clear();
        for (Object* o : todo) {
            if (is_gen_like(o)) {
                report_generator(o);
                continue;
            }
            report::report_object(o);
            if (is_dict(o)) {
                auto it = module_of_dict.find(o);
                if (it != module_of_dict.end() && !dirty.count(it->second)) modules.push_back(it->second);
            }
        }
        for (Object* m : modules) report::report_object(m);
    }
    if (!dirty.empty()) dirty.clear();  // clear() also wipes every bucket
    last_dirty = nullptr;
    report_frames();
    report_thread_state();
}

trace::TraceSink* trace_report_begin(trace::TraceSink* inner) {
    if (!inner) return nullptr;
    t_report = new ReportSink(inner);
    object_addresses_reset();
    t_report->ts_id = t_rt->next_trace_id++;
    inner->on_object_created(t_report->ts_id, "PyThreadState", 1);
    t_report->on_field_set(t_report->ts_id, "cframe.current_frame", trace::Value::null());
    t_report->on_field_set(t_report->ts_id, "exc_info", trace::Value::pointer(t_report->ts_id));
    t_report->on_field_set(t_report->ts_id, "exc_state.exc_value", trace::Value::null());
    return t_report;
}

void trace_report_end() {
    if (t_report)
        for (Object* o : t_report->statics) o->ob_trace_id = 0;
    delete t_report;
    t_report = nullptr;
    object_addresses_reset();
}

uint32_t FieldName::id() {
    if (epoch_ != t_report->epoch) {
        id_ = t_report->name_id(text_);
        epoch_ = t_report->epoch;
    }
    return id_;
}

void trace_set(uint64_t id, FieldName& name, const trace::Value& v) { t_report->set(id, name.id(), v); }
void trace_set_object(uint64_t id, FieldName& name, Object* o) { t_report->set_object(id, name.id(), o); }
void trace_set_int(uint64_t id, FieldName& name, int64_t n) { t_report->set_int(id, name.id(), n); }
void trace_set_ref(uint64_t id, FieldName& name, uint64_t ref) { t_report->set_ref(id, name.id(), ref); }
void trace_set_text(uint64_t id, FieldName& name, std::string_view text) {
    t_report->set_text(id, name.id(), text);
}

trace::Value trace_value(Object* o) {
    if (!o) return trace::Value::null();
    if (is_inline(o)) {
        // Numbers stay numbers up to the sink (ReportSink::forward_set): every event
        // reaches the sink through the ReportSink while there is one.
        if (t_report) {
            if (o->ob_type == &Int_Type && !int_is_big(o)) return trace::Value::int_repr_of(int_value(o));
            if (o->ob_type == &Float_Type) return trace::Value::float_repr_of(float_value(o));
        }
        return trace::Value::inline_text(inline_repr(o));
    }
    trace_created(o);
    return trace::Value::pointer(o->ob_trace_id);
}

trace::Value trace_str_text(Object* s) {
    if (!s) return trace::Value::null();
    return trace_value(s);
}

uint64_t frame_trace_id(Frame* f) {
    if (f->trace_id || !t_report || !t_rt) return f->trace_id;
    f->trace_id = t_rt->next_trace_id++;
    t_report->quiet = false;
    t_report->inner->on_object_created(f->trace_id, "frame", 1);
    report_frame_fields(f);
    return f->trace_id;
}

void report_frame_fields(Frame* f) {
    if (!t_report) return;
    ReportSink& s = *t_report;
    uint64_t id = frame_trace_id(f);
    if (uint64_t stamp = s.sync_stamp()) {  // the same frame reached twice in one sync (a generator's and the stack's)
        Shadow& sh = s.shadow(id);
        if (sh.synced == stamp) return;
        sh.synced = stamp;
    }
    CodeObj* co = f->f_code;
    const std::vector<uint32_t>& local_names = localsplus_names(co);
    const std::vector<uint32_t>& fixed = s.frame_names;
    // f_code and f_func never change while the frame keeps its id: reported once.
    if (s.shadow(id).slots.size() < 2) {
        s.set_ref(id, fixed[0], co->ob_trace_id);
        s.set_object(id, fixed[1], f->f_func);
    }
    s.set_ref(id, fixed[2], f->previous ? frame_trace_id(f->previous) : 0);
    bool moved = s.set_int(id, fixed[3], f->prev_instr < 0 ? -1 : f->prev_instr * 2);
    // The line follows from prev_instr (the code never changes): recomputed only on a move.
    if (moved) s.set(id, fixed[4], trace::Value::integer(f->lineno()));
    else s.set_int(id, fixed[4], s.shadow(id).slots[4].value.number);
    s.set_int(id, fixed[5], f->stacktop);
    if (!s.fields_unchanged(id, {f->owner})) s.set_text(id, fixed[6], owner_name(f->owner));
    Object** lp = f->localsplus();
    int n = co->nlocalsplus;
    for (int i = 0; i < n; i++) s.set_object(id, local_names[static_cast<size_t>(i)], lp[i]);
    // The value stack (a deliberate addition, REPORTING.md): the frame owns what is
    // on it; NULL above stacktop. Only for a suspended generator's frame: a frame on
    // the running chain saves stacktop only at some instructions, so slots above the
    // real top may hold values already freed.
    if (f->owner != FRAME_OWNED_BY_GENERATOR) return;
    int8_t state = gen_from_frame(f)->gi_frame_state;
    if (state != FRAME_SUSPENDED && state != FRAME_CREATED) return;
    for (int i = 0; i < co->stacksize; i++)
        s.set_object(id, s.stack_name(i), n + i < f->stacktop ? lp[n + i] : nullptr);
}

void trace_frame_gone(Frame* f) {
    if (f->trace_id && t_report) t_report->on_object_freed(f->trace_id);
    f->trace_id = 0;
}

trace::ObjectId exc_item_owner(ExcStackItem* item) {
    if (!item || !t_report || !t_rt) return 0;
    if (item == &t_rt->exc_state) return t_report->ts_id;
    GenObject* gen = reinterpret_cast<GenObject*>(reinterpret_cast<char*>(item) - offsetof(GenObject, gi_exc_state));
    trace_created(gen);
    return gen->ob_trace_id;
}

void trace_exc_item_written(ExcStackItem* item) {
    if (!t_rt || item == &t_rt->exc_state) return;
    GenObject* gen = reinterpret_cast<GenObject*>(reinterpret_cast<char*>(item) - offsetof(GenObject, gi_exc_state));
    gen->iframe()->report_stale = true;
}

void trace_gen_event(Object* gen, const trace::Event& ev) {
    ReportSink* s = t_report;
    if (!s || s->syncing || !t_rt || t_sink != s) {
        trace_fields(gen);
        t_sink->on_event(ev);
        return;
    }
    s->presync = true;
    trace_fields(gen);
    if (gen->ob_trace_id) s->shadow(gen->ob_trace_id).synced = s->sync_count + 1;
    s->presync = false;
    s->on_event(ev);
}

bool trace_fields_unchanged(uint64_t id, std::initializer_list<uintptr_t> key) {
    return t_report->fields_unchanged(id, key);
}

void trace_fields_changed(Object* o) {
    if (!t_report || !o->ob_trace_id) return;
    if (Shadow* s = t_report->find_shadow(o->ob_trace_id)) s->fixed_valid = false;
}

void trace_unrecorded_begin() {
    if (t_report) t_report->unrecorded_depth++;
}

void trace_unrecorded_end() {
    if (!t_report) return;
    t_report->unrecorded_depth--;
    t_report->quiet = false;  // what ran unrecorded is re-read at the next event
}

bool trace_event_following(const trace::Event& ev) { return t_report && t_report->forward_following(ev); }

void trace_mark_dirty(Object* o) {
    if (!t_report || !o->ob_trace_id) return;
    t_report->quiet = false;
    if (o == t_report->last_dirty) return;
    t_report->dirty.insert(o);
    t_report->last_dirty = o;
}

void trace_remember_static(Object* o) {
    if (t_report) t_report->statics.push_back(o);
}

void trace_forget(Object* o) {
    if (!t_report) return;
    t_report->dirty.erase(o);
    if (o == t_report->last_dirty) t_report->last_dirty = nullptr;
    auto& mods = t_report->module_of_dict;
    if (is_dict(o)) {
        mods.erase(o);
    } else if (o->ob_type == &Module_Type) {
        for (auto it = mods.begin(); it != mods.end();) it = it->second == o ? mods.erase(it) : std::next(it);
    }
}

}  // namespace ys::vm
