#include "trace/replay.h"

#include <algorithm>
#include <unordered_set>

namespace ys::trace {

namespace {

auto lower(std::vector<ObjectState>& objects, ObjectId id) {
    return std::lower_bound(objects.begin(), objects.end(), id,
                            [](const ObjectState& o, ObjectId i) { return o.id < i; });
}

std::string unquote(std::string_view repr) {
    if (repr.size() >= 2 && (repr.front() == '\'' || repr.front() == '"') && repr.back() == repr.front())
        return std::string(repr.substr(1, repr.size() - 2));
    return std::string(repr);
}

}  // namespace

// ------------------------------------------------------------------------ ObjectState

const Value* ObjectState::field(std::string_view name) const {
    for (const auto& f : fields)
        if (f.name == name) return &f.value;
    return nullptr;
}

ObjectId ObjectState::ref(std::string_view name) const {
    const Value* v = field(name);
    return v && v->kind == Value::Kind::Ref ? v->ref : 0;
}

std::string ObjectState::text(std::string_view name) const {
    const Value* v = field(name);
    return v && v->kind == Value::Kind::Text ? v->text : std::string();
}

int64_t ObjectState::integer(std::string_view name, int64_t fallback) const {
    const Value* v = field(name);
    return v && v->kind == Value::Kind::Int ? v->number : fallback;
}

// ---------------------------------------------------------------------------- StepDiff

bool StepDiff::created_here(ObjectId id) const {
    return std::find(created.begin(), created.end(), id) != created.end();
}

bool StepDiff::freed_here(ObjectId id) const {
    return std::any_of(freed.begin(), freed.end(), [&](const ObjectState& o) { return o.id == id; });
}

bool StepDiff::field_changed(ObjectId id, std::string_view field) const {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const FieldChange& f) { return f.object == id && f.field == field; });
}

bool StepDiff::refcount_changed(ObjectId id) const {
    return std::any_of(refcounts.begin(), refcounts.end(), [&](const RefcountChange& r) { return r.object == id; });
}

// --------------------------------------------------------------------------- HeapState

std::string_view gen_prefix(std::string_view type_name) {
    if (type_name == "generator") return "gi_";
    if (type_name == "coroutine") return "cr_";
    if (type_name == "async_generator") return "ag_";
    return {};
}

bool is_frame_type(std::string_view type_name) { return type_name == "frame"; }

const ObjectState* HeapState::find(ObjectId id) const {
    auto it = std::lower_bound(objects.begin(), objects.end(), id,
                               [](const ObjectState& o, ObjectId i) { return o.id < i; });
    return it != objects.end() && it->id == id ? &*it : nullptr;
}

std::string HeapState::code_name(ObjectId id) const {
    const ObjectState* o = find(id);
    if (!o) return {};
    std::string_view p = gen_prefix(o->type);
    if (!p.empty()) {
        std::string q = unquote(o->text(std::string(p) + "qualname"));
        return q.empty() ? unquote(o->text(std::string(p) + "name")) : q;
    }
    if (o->type == "frame") {
        ObjectId code = o->ref("f_code");
        return code && code != id ? code_name(code) : std::string();
    }
    if (o->type == "function") {
        std::string q = unquote(o->text("func_qualname"));
        return q.empty() ? unquote(o->text("func_name")) : q;
    }
    if (o->type == "code") {
        std::string q = unquote(o->text("co_qualname"));
        return q.empty() ? unquote(o->text("co_name")) : q;
    }
    return {};
}

std::string HeapState::label(ObjectId id) const {
    const ObjectState* o = find(id);
    if (!o) {
        std::string_view type = replay ? replay->type_ever(id) : std::string_view();
        return (type.empty() ? std::string("object") : std::string(type)) + " #" + std::to_string(id) + " (freed)";
    }
    std::string name = code_name(id);
    if (o->type == "module") name = unquote(o->text("__name__"));
    if (o->type == "type") name = unquote(o->text("__name__"));
    return name.empty() ? o->type : o->type + " " + name;
}

// ------------------------------------------------------------------------------ Replay

Replay::Replay(const Trace& trace, ReplayOptions options) : trace_(&trace), options_(options) {
    if (options_.keyframe_changes == 0) options_.keyframe_changes = 1;
    std::vector<ObjectState> objects;
    uint64_t since = 0;
    for (uint64_t s = 0; s < trace.step_count(); ++s) {
        auto changes = trace.changes(s);
        for (const Change& c : changes)
            if (c.kind == Change::Kind::Created) types_.emplace_back(c.object, c.name);
        apply_step(objects, s, nullptr);
        since += changes.size();
        if (trace.event_kind(s) == EventKind::Output) {
            output_ += trace.str(trace.record(s).text);
            output_index_.emplace_back(s, output_.size());
        }
        uint64_t threshold = std::max<uint64_t>(options_.keyframe_changes, objects.size() * 2);
        if (since >= threshold) {
            keyframes_.push_back(Keyframe{s, objects});
            since = 0;
        }
    }
    std::sort(types_.begin(), types_.end());
    types_.shrink_to_fit();
    state_.replay = this;
}

std::string_view Replay::type_ever(ObjectId id) const {
    auto it = std::lower_bound(types_.begin(), types_.end(), std::make_pair(id, uint32_t{0}));
    return it != types_.end() && it->first == id ? trace_->str(it->second) : std::string_view();
}

size_t Replay::memory_bytes() const {
    size_t bytes = output_.capacity() + output_index_.capacity() * sizeof(output_index_[0]) +
                   types_.capacity() * sizeof(types_[0]);
    for (const auto& k : keyframes_) {
        bytes += sizeof(Keyframe) + k.objects.capacity() * sizeof(ObjectState);
        for (const auto& o : k.objects) {
            bytes += o.fields.capacity() * sizeof(FieldState);
            for (const auto& f : o.fields) {
                if (f.name.size() > 15) bytes += f.name.capacity();
                if (f.value.text.size() > 15) bytes += f.value.text.capacity();
            }
        }
    }
    return bytes;
}

void Replay::apply_step(std::vector<ObjectState>& objects, uint64_t step, StepDiff* diff) const {
    const Trace& t = *trace_;
    for (const Change& c : t.changes(step)) {
        auto it = lower(objects, c.object);
        bool found = it != objects.end() && it->id == c.object;
        switch (c.kind) {
            case Change::Kind::Created: {
                ObjectState o;
                o.id = c.object;
                o.type = std::string(t.str(c.name));
                o.refcount = c.payload;
                if (found) *it = std::move(o);
                else objects.insert(it, std::move(o));
                if (diff) diff->created.push_back(c.object);
                break;
            }
            case Change::Kind::FieldSet: {
                if (!found) break;
                std::string_view name = t.str(c.name);
                FieldState* f = nullptr;
                for (auto& fs : it->fields)
                    if (fs.name == name) { f = &fs; break; }
                Value v = t.unpack(c.value());
                if (diff && !diff->created_here(c.object)) {
                    auto prev = std::find_if(diff->fields.begin(), diff->fields.end(), [&](const FieldChange& fc) {
                        return fc.object == c.object && fc.field == name;
                    });
                    if (prev != diff->fields.end()) {
                        prev->after = v;
                        prev->removed = false;
                    }
                    else if (!f || !(f->value == v))  // re-reporting the same value is not a change
                        diff->fields.push_back(FieldChange{c.object, std::string(name), f ? f->value : Value::null(), v});
                }
                if (f) f->value = std::move(v);
                else it->fields.push_back(FieldState{std::string(name), std::move(v)});
                break;
            }
            case Change::Kind::FieldRemoved: {
                if (!found) break;
                std::string_view name = t.str(c.name);
                auto f = std::find_if(it->fields.begin(), it->fields.end(),
                                      [&](const FieldState& fs) { return fs.name == name; });
                if (f == it->fields.end()) break;
                if (diff && !diff->created_here(c.object)) {
                    auto prev = std::find_if(diff->fields.begin(), diff->fields.end(), [&](const FieldChange& fc) {
                        return fc.object == c.object && fc.field == name;
                    });
                    if (prev != diff->fields.end()) {
                        prev->after = Value::null();
                        prev->removed = true;
                    } else {
                        diff->fields.push_back(FieldChange{c.object, std::string(name), f->value, Value::null(), true});
                    }
                }
                it->fields.erase(f);
                break;
            }
            case Change::Kind::Refcount: {
                if (!found) break;
                if (diff && !diff->created_here(c.object)) {
                    auto prev = std::find_if(diff->refcounts.begin(), diff->refcounts.end(),
                                             [&](const RefcountChange& r) { return r.object == c.object; });
                    if (prev != diff->refcounts.end()) prev->after = c.payload;
                    else if (it->refcount != c.payload)
                        diff->refcounts.push_back(RefcountChange{c.object, it->refcount, c.payload});
                }
                it->refcount = c.payload;
                break;
            }
            case Change::Kind::Freed: {
                if (!found) break;
                if (diff) diff->freed.push_back(std::move(*it));
                objects.erase(it);
                break;
            }
        }
    }
}

const HeapState& Replay::seek(uint64_t step) {
    const uint64_t n = trace_->step_count();
    if (n == 0) {
        state_ = HeapState{};
        state_.replay = this;
        has_state_ = true;
        return state_;
    }
    if (step >= n) step = n - 1;
    if (has_state_ && state_.step == step) return state_;

    // Start from the nearest keyframe at or before step-1 (the target step is applied
    // with its diff), or from the current state when that is closer going forward.
    uint64_t base_after;  // state_.objects holds the state after step `base_after - 1`
    auto kf = std::upper_bound(keyframes_.begin(), keyframes_.end(), step,
                               [](uint64_t s, const Keyframe& k) { return s <= k.step; });
    // kf points to the first keyframe with k.step >= step; the one before has k.step < step.
    uint64_t kf_after = 0;
    const Keyframe* key = nullptr;
    if (kf != keyframes_.begin()) {
        key = &*(kf - 1);
        kf_after = key->step + 1;
    }
    if (has_state_ && state_.step < step && state_.step + 1 >= kf_after) {
        base_after = state_.step + 1;
    } else if (key) {
        state_.objects = key->objects;
        base_after = kf_after;
    } else {
        state_.objects.clear();
        base_after = 0;
    }
    for (uint64_t s = base_after; s < step; ++s) apply_step(state_.objects, s, nullptr);
    state_.diff = StepDiff{};
    apply_step(state_.objects, step, &state_.diff);
    // Net changes only: a field set back to its old value within the step did not change.
    auto& fc = state_.diff.fields;
    fc.erase(std::remove_if(fc.begin(), fc.end(), [](const FieldChange& c) { return !c.removed && c.before == c.after; }),
             fc.end());
    auto& rc = state_.diff.refcounts;
    rc.erase(std::remove_if(rc.begin(), rc.end(), [](const RefcountChange& c) { return c.before == c.after; }), rc.end());
    state_.step = step;
    has_state_ = true;
    finish_state();
    return state_;
}

void Replay::finish_state() {
    HeapState& st = state_;
    st.event = trace_->event(st.step);
    st.frame_stack.clear();
    st.suspended_frames.clear();
    st.exc_chain.clear();
    st.thread_state = 0;
    for (const auto& o : st.objects)
        if (o.type == "PyThreadState") { st.thread_state = o.id; break; }

    // Which generator embeds which frame.
    std::vector<std::pair<ObjectId, ObjectId>> frame_owner;  // (frame, generator)
    for (const auto& o : st.objects) {
        std::string_view p = gen_prefix(o.type);
        if (p.empty()) continue;
        ObjectId f = o.ref(std::string(p) + "iframe");
        if (f) frame_owner.emplace_back(f, o.id);
    }
    auto owner_of = [&](ObjectId frame) -> ObjectId {
        for (auto& [f, g] : frame_owner)
            if (f == frame) return g;
        return 0;
    };
    auto info = [&](const ObjectState& f) {
        FrameInfo fi;
        fi.frame = f.id;
        fi.code = f.ref("f_code");
        fi.generator = owner_of(f.id);
        fi.name = st.code_name(f.id);
        if (fi.name.empty() && fi.code) {
            if (const CodeObject* c = trace_->code(fi.code)) fi.name = c->co_qualname.empty() ? c->co_name : c->co_qualname;
        }
        fi.line = static_cast<int>(f.integer("f_lineno", -1));
        fi.lasti = static_cast<int>(f.integer("prev_instr", -1));
        return fi;
    };

    std::unordered_set<ObjectId> on_stack;
    if (const ObjectState* ts = st.find(st.thread_state)) {
        ObjectId cur = ts->ref("cframe.current_frame");
        while (cur && !on_stack.count(cur)) {
            const ObjectState* f = st.find(cur);
            if (!f) break;
            on_stack.insert(cur);
            st.frame_stack.push_back(info(*f));
            cur = f->ref("previous");
        }
        // The exception-info chain.
        std::unordered_set<ObjectId> seen;
        ObjectId item = ts->ref("exc_info");
        if (!item) item = ts->id;
        while (item && !seen.count(item)) {
            seen.insert(item);
            const ObjectState* o = st.find(item);
            if (!o) break;
            std::string_view p = gen_prefix(o->type);
            ExcItem e;
            e.owner = item;
            if (!p.empty()) {
                const Value* v = o->field(std::string(p) + "exc_state.exc_value");
                if (v) e.exc_value = *v;
                st.exc_chain.push_back(e);
                item = o->ref(std::string(p) + "exc_state.previous_item");
            } else {
                const Value* v = o->field("exc_state.exc_value");
                if (v) e.exc_value = *v;
                st.exc_chain.push_back(e);
                item = 0;
            }
        }
    }
    for (auto& [f, g] : frame_owner) {
        if (on_stack.count(f)) continue;
        const ObjectState* fo = st.find(f);
        const ObjectState* go = st.find(g);
        if (!fo || !go) continue;
        std::string state = go->text(std::string(gen_prefix(go->type)) + "frame_state");
        if (state == "FRAME_CLEARED" || state == "FRAME_COMPLETED") continue;
        FrameInfo fi = info(*fo);
        fi.suspended = true;
        st.suspended_frames.push_back(fi);
    }
    // Output so far.
    auto it = std::upper_bound(output_index_.begin(), output_index_.end(), st.step,
                               [](uint64_t s, const std::pair<uint64_t, size_t>& e) { return s < e.first; });
    size_t len = it == output_index_.begin() ? 0 : (it - 1)->second;
    st.output = std::string_view(output_.data(), len);
}

}  // namespace ys::trace
