#include "view/struct_layout.h"

#include <algorithm>
#include <unordered_map>

#include "view/coro_layout.h"

namespace ys::view {

using trace::FieldState;
using trace::HeapState;
using trace::ObjectId;
using trace::ObjectState;
using trace::Value;

const char* profile_name(LayoutProfile profile) {
    return profile == LayoutProfile::CPython311 ? "CPython 3.11+" : "CPython 3.7-3.10";
}

bool parse_profile(std::string_view text, LayoutProfile& out) {
    if (text == "3.11" || text == "3.12" || text == "3.13" || text == "3.11+" || text == "311") {
        out = LayoutProfile::CPython311;
        return true;
    }
    if (text == "3.7" || text == "3.8" || text == "3.9" || text == "3.10" || text == "37") {
        out = LayoutProfile::CPython37;
        return true;
    }
    return false;
}

std::string value_text(const Value& value) {
    switch (value.kind) {
        case Value::Kind::Null: return "NULL";
        case Value::Kind::Int: return std::to_string(value.number);
        case Value::Kind::Text: return value.text;
        case Value::Kind::Ref: return "#" + std::to_string(value.ref);
    }
    return "?";
}

namespace {

std::string unquote(std::string_view repr) {
    if (repr.size() >= 2 && (repr.front() == '\'' || repr.front() == '"') && repr.back() == repr.front())
        return std::string(repr.substr(1, repr.size() - 2));
    return std::string(repr);
}

bool is_exception(const ObjectState& o) { return o.field("__traceback__") && o.field("args"); }

bool finished(const std::string& frame_state) {
    return frame_state == "FRAME_COMPLETED" || frame_state == "FRAME_CLEARED";
}

// Value of a field before this step (for derived rows).
Value before_value(const HeapState& st, ObjectId id, const std::string& field, const Value& now) {
    for (const auto& fc : st.diff.fields)
        if (fc.object == id && fc.field == field) return fc.before;
    return now;
}

StructRow field_row(const HeapState& st, const ObjectState& o, const FieldState& f, int depth = 0) {
    StructRow r;
    r.field = f.name;
    r.value = value_text(f.value);
    if (f.value.kind == Value::Kind::Ref) {
        r.target = f.value.ref;
        r.points_to = pointee_text(st, f.value);
    }
    r.changed = st.diff.field_changed(o.id, f.name);
    r.depth = depth;
    return r;
}

void frame_rows_311(const HeapState& st, const ObjectState& frame, int depth, std::vector<StructRow>& rows) {
    for (const auto& f : frame.fields) {
        StructRow r = field_row(st, frame, f, depth);
        if (f.name == "prev_instr" && f.value.kind == Value::Kind::Int) {
            int64_t lasti = f.value.number;
            int64_t line = frame.integer("f_lineno", -1);
            r.points_to = lasti < 0 ? "f_lasti -1: not started" : "f_lasti " + std::to_string(lasti);
            if (line >= 0 && lasti >= 0) r.points_to += ", line " + std::to_string(line);
        }
        rows.push_back(std::move(r));
    }
}

void frame_rows_37(const HeapState& st, const ObjectState& frame, std::vector<StructRow>& rows) {
    auto add = [&](const char* name, const char* source) {
        const Value* v = frame.field(source);
        if (!v) return;
        FieldState fs{source, *v};
        StructRow r = field_row(st, frame, fs);
        r.field = name;
        if (std::string_view(source) == "prev_instr" && v->kind == Value::Kind::Int) {
            int64_t line = frame.integer("f_lineno", -1);
            if (v->number >= 0 && line >= 0) r.points_to = "line " + std::to_string(line);
        }
        rows.push_back(std::move(r));
    };
    add("f_back", "previous");
    add("f_code", "f_code");
    add("f_lasti", "prev_instr");
    add("f_lineno", "f_lineno");
    {
        StructRow r;
        r.field = "f_gen";
        r.derived = true;
        ObjectId g = embedding_generator(st, frame.id);
        if (g) {
            r.value = "#" + std::to_string(g);
            r.target = g;
            r.points_to = st.label(g);
        } else {
            r.value = "NULL";
        }
        rows.push_back(std::move(r));
    }
    for (const auto& f : frame.fields) {
        if (f.name.rfind("localsplus[", 0) != 0) continue;
        StructRow r = field_row(st, frame, f);
        r.field = "f_" + f.name;  // f_localsplus[x]
        rows.push_back(std::move(r));
    }
}

void generator_rows_37(const HeapState& st, const ObjectState& g, const std::string& p, std::vector<StructRow>& rows) {
    const std::string state_field = p + "frame_state";
    const std::string state = g.text(state_field);
    const Value* sv = g.field(state_field);
    const std::string state_before =
        sv ? (before_value(st, g.id, state_field, *sv).kind == Value::Kind::Text
                  ? before_value(st, g.id, state_field, *sv).text
                  : std::string())
           : std::string();
    const bool state_changed = st.diff.field_changed(g.id, state_field);
    ObjectId iframe = g.ref(p + "iframe");
    {
        StructRow r;
        r.field = p + "frame";
        r.derived = true;
        const Value* inline_lasti = g.field(p + "iframe.prev_instr");
        if (iframe && !finished(state)) {
            r.value = "#" + std::to_string(iframe);
            r.target = iframe;
            r.points_to = st.label(iframe);
        } else if (!iframe && inline_lasti && !finished(state)) {
            r.value = "(frame)";
            r.points_to = "frame " + st.code_name(g.id) + ", f_lasti " + value_text(*inline_lasti);
        } else {
            r.value = "NULL";
        }
        r.changed = st.diff.field_changed(g.id, p + "iframe") || (state_changed && finished(state) != finished(state_before));
        rows.push_back(std::move(r));
    }
    {
        StructRow r;
        r.field = p + "running";
        r.derived = true;
        bool running = state == "FRAME_EXECUTING";
        r.value = running ? "1" : "0";
        r.changed = state_changed && running != (state_before == "FRAME_EXECUTING");
        rows.push_back(std::move(r));
    }
    auto copy = [&](const std::string& name) {
        if (const Value* v = g.field(name)) rows.push_back(field_row(st, g, FieldState{name, *v}));
    };
    copy(p + "code");
    copy(p + "weakreflist");
    copy(p + "name");
    copy(p + "qualname");
    // gi_exc_state as CPython 3.7 stores it: type, value, traceback.
    const std::string ev_field = p + "exc_state.exc_value";
    const Value* ev = g.field(ev_field);
    const bool ev_changed = st.diff.field_changed(g.id, ev_field);
    const ObjectState* exc = ev && ev->kind == Value::Kind::Ref ? st.find(ev->ref) : nullptr;
    {
        StructRow r;
        r.field = p + "exc_state.exc_type";
        r.derived = true;
        r.value = exc ? exc->type : (ev && ev->kind == Value::Kind::Ref ? "?" : "NULL");
        if (exc) r.points_to = "<class '" + exc->type + "'>";
        r.changed = ev_changed;
        rows.push_back(std::move(r));
    }
    if (ev) {
        StructRow r = field_row(st, g, FieldState{ev_field, *ev});
        rows.push_back(std::move(r));
    }
    {
        StructRow r;
        r.field = p + "exc_state.exc_traceback";
        r.derived = true;
        const Value* tb = exc ? exc->field("__traceback__") : nullptr;
        if (tb && tb->kind == Value::Kind::Ref) {
            r.value = "#" + std::to_string(tb->ref);
            r.target = tb->ref;
            r.points_to = pointee_text(st, *tb);
        } else {
            r.value = "NULL";
        }
        r.changed = ev_changed || (exc && st.diff.field_changed(exc->id, "__traceback__"));
        rows.push_back(std::move(r));
    }
    copy(p + "exc_state.previous_item");
    coro_extra_rows(st, g, p, LayoutProfile::CPython37, rows);
    // Any other kind-specific field, as reported.
    for (const auto& f : g.fields) {
        if (is_coro_extra_field(p, f.name)) continue;
        if (f.name == p + "code" || f.name == p + "weakreflist" || f.name == p + "name" || f.name == p + "qualname" ||
            f.name == ev_field || f.name == p + "exc_state.previous_item" || f.name == state_field ||
            f.name == p + "iframe" || f.name.rfind(p + "iframe.", 0) == 0)
            continue;
        rows.push_back(field_row(st, g, f));
    }
}

}  // namespace

std::string pointee_text(const HeapState& state, const Value& value) {
    if (value.kind != Value::Kind::Ref) return {};
    const ObjectState* o = state.find(value.ref);
    if (!o) return value.text.empty() ? "(freed)" : value.text + " (freed)";
    if (!value.text.empty()) return value.text;
    if (is_exception(*o)) {
        std::string s = unquote(o->text("str"));
        return s.empty() ? o->type : o->type + ": " + s;
    }
    return state.label(value.ref);
}

ObjectId embedding_generator(const HeapState& state, ObjectId frame) {
    for (const auto& o : state.objects) {
        std::string_view p = trace::gen_prefix(o.type);
        if (!p.empty() && o.ref(std::string(p) + "iframe") == frame) return o.id;
    }
    return 0;
}

StructBox struct_layout(const HeapState& state, ObjectId id, LayoutProfile profile) {
    StructBox box;
    const ObjectState* o = state.find(id);
    if (!o) return box;
    box.id = id;
    box.type = o->type;
    box.title = state.label(id);
    box.refcount = o->refcount;
    box.refcount_changed = state.diff.refcount_changed(id);
    box.created = state.diff.created_here(id);
    const std::string p(trace::gen_prefix(o->type));
    if (!p.empty()) {
        if (profile == LayoutProfile::CPython37) {
            generator_rows_37(state, *o, p, box.rows);
            return box;
        }
        bool inline_frame_started = false;
        const std::string inline_prefix = p + "iframe.";
        for (const auto& f : o->fields) {
            if (is_coro_extra_field(p, f.name)) continue;
            // CPython 3.11 keeps the origin / finalizer slot and the async-generator
            // flags between the exception state and the frame state.
            if (f.name == p + "frame_state") coro_extra_rows(state, *o, p, LayoutProfile::CPython311, box.rows);
            StructRow r = field_row(state, *o, f);
            if (f.name.rfind(inline_prefix, 0) == 0) {
                // The embedded frame reported as gi_iframe.* fields of the generator itself.
                if (!inline_frame_started) {
                    StructRow head;
                    head.field = p + "iframe";
                    head.value = "(embedded)";
                    head.points_to = "_PyInterpreterFrame";
                    box.rows.push_back(head);
                    inline_frame_started = true;
                }
                r.field = f.name.substr(inline_prefix.size());
                r.depth = 1;
                if (r.field == "prev_instr" && f.value.kind == Value::Kind::Int) {
                    int64_t line = o->integer(inline_prefix + "f_lineno", -1);
                    r.points_to = f.value.number < 0 ? "f_lasti -1: not started" : "f_lasti " + std::to_string(f.value.number);
                    if (line >= 0 && f.value.number >= 0) r.points_to += ", line " + std::to_string(line);
                }
                box.rows.push_back(std::move(r));
                continue;
            }
            if (f.name == p + "iframe") {
                const ObjectState* frame = f.value.kind == Value::Kind::Ref ? state.find(f.value.ref) : nullptr;
                if (frame) {
                    r.value = "(embedded)";
                    r.points_to = "_PyInterpreterFrame";
                    r.target = 0;
                    box.rows.push_back(std::move(r));
                    frame_rows_311(state, *frame, 1, box.rows);
                    continue;
                }
            }
            box.rows.push_back(std::move(r));
        }
        return box;
    }
    if (trace::is_frame_type(o->type)) {
        if (profile == LayoutProfile::CPython37) frame_rows_37(state, *o, box.rows);
        else frame_rows_311(state, *o, 0, box.rows);
        return box;
    }
    for (const auto& f : o->fields) box.rows.push_back(field_row(state, *o, f));
    return box;
}

namespace {

// The generator-like object this step is about: the event's subject when it is one,
// else the one whose frame runs innermost.
ObjectId focus_generator(const HeapState& state) {
    if (const ObjectState* s = state.find(state.event.subject); s && !trace::gen_prefix(s->type).empty()) return s->id;
    for (const auto& f : state.frame_stack)
        if (f.generator) return f.generator;
    return 0;
}

}  // namespace

std::vector<ObjectId> layout_objects(const HeapState& state, LayoutProfile profile) {
    std::vector<ObjectId> gens, frames;
    // frame -> the generator embedding it, found in one pass (not one scan per frame:
    // a scrubbed step with hundreds of suspended generators would pay n^2).
    std::unordered_map<ObjectId, ObjectId> embedder;
    for (const auto& o : state.objects) {
        std::string_view p = trace::gen_prefix(o.type);
        if (p.empty()) continue;
        gens.push_back(o.id);
        if (ObjectId f = o.ref(std::string(p) + "iframe")) embedder.emplace(f, o.id);
    }
    for (const auto& o : state.objects) {
        if (!trace::is_frame_type(o.type)) continue;
        auto it = embedder.find(o.id);
        ObjectId g = it == embedder.end() ? 0 : it->second;
        if (!g) {
            frames.push_back(o.id);
        } else if (profile == LayoutProfile::CPython37) {
            const ObjectState* go = state.find(g);
            if (go && !finished(go->text(std::string(trace::gen_prefix(go->type)) + "frame_state"))) frames.push_back(o.id);
        }
    }
    // Id order keeps boxes in place from step to step (a Level-1 diagram of two or three
    // generators does not move); with more alive (an asyncio program has dozens of
    // coroutines) the one the step is about goes first, where the eye is.
    constexpr size_t kStableCount = 3;
    if (ObjectId focus = focus_generator(state); focus && gens.size() > kStableCount) {
        auto it = std::find(gens.begin(), gens.end(), focus);
        if (it != gens.end()) std::rotate(gens.begin(), it, it + 1);
    }
    gens.insert(gens.end(), frames.begin(), frames.end());
    return gens;
}

}  // namespace ys::view
