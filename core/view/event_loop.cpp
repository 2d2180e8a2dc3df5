#include "view/event_loop.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "view/struct_layout.h"

namespace ys::view {

using trace::HeapState;
using trace::ObjectId;
using trace::ObjectState;
using trace::Value;

namespace {

std::string unquote(const std::string& s) {
    if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) return s.substr(1, s.size() - 2);
    return s;
}

// The items of a list / tuple object, in order (ob_item[0], ob_item[1], ...).
std::vector<Value> items(const HeapState& st, ObjectId id) {
    std::vector<Value> out;
    const ObjectState* o = st.find(id);
    if (!o) return out;
    for (size_t i = 0;; ++i) {
        const Value* v = o->field("ob_item[" + std::to_string(i) + "]");
        if (!v) break;
        out.push_back(*v);
    }
    return out;
}

std::string short_value(const HeapState& st, const Value& v) {
    if (v.kind == Value::Kind::Ref) {
        const ObjectState* o = st.find(v.ref);
        if (!o) return "#" + std::to_string(v.ref) + " (freed)";
        return o->type + " #" + std::to_string(v.ref);
    }
    return value_text(v);
}

std::string callable_name(const HeapState& st, const Value& v) {
    if (v.kind != Value::Kind::Ref) return value_text(v);
    const ObjectState* o = st.find(v.ref);
    if (!o) return "(freed)";
    if (const Value* func = o->field("im_func"); func && o->type == "method") return callable_name(st, *func);
    std::string name = unquote(o->text("func_qualname"));
    if (name.empty()) name = unquote(o->text("__qualname__"));
    return name.empty() ? st.label(v.ref) : name;
}

std::string future_state(const ObjectState& f) {
    // `_state` is a class attribute until the future completes: absent means PENDING.
    const std::string s = unquote(f.text("_state"));
    return s.empty() ? "PENDING" : s;
}

bool is_task(const std::string& type) { return type == "Task"; }
bool is_future(const std::string& type) { return type == "Future" || type == "_GatheringFuture" || is_task(type); }

LoopHandle handle_of(const HeapState& st, ObjectId id) {
    LoopHandle h;
    h.id = id;
    const ObjectState* o = st.find(id);
    if (!o) {
        h.type = "(freed)";
        return h;
    }
    h.type = o->type;
    if (const Value* cb = o->field("_callback")) h.callback = callable_name(st, *cb);
    if (const Value* args = o->field("_args"); args && args->kind == Value::Kind::Ref) {
        std::string text = "(";
        const auto list = items(st, args->ref);
        for (size_t i = 0; i < list.size(); ++i) text += (i ? ", " : "") + short_value(st, list[i]);
        h.args = text + ")";
    }
    h.cancelled = o->text("_cancelled") == "True";
    if (const Value* when = o->field("_when")) {
        h.when_text = value_text(*when);
        char* end = nullptr;
        h.when = std::strtod(h.when_text.c_str(), &end);
        h.has_when = end && end != h.when_text.c_str();
    }
    h.changed = st.diff.created_here(id);
    for (const auto& fc : st.diff.fields)
        if (fc.object == id && !(fc.before == fc.after)) h.changed = true;
    return h;
}

std::string coro_text(const HeapState& st, ObjectId coro) {
    const ObjectState* c = st.find(coro);
    if (!c) return coro ? "#" + std::to_string(coro) + " (freed)" : "NULL";
    std::string text = st.label(coro);
    const std::string p(trace::gen_prefix(c->type));
    if (p.empty()) return text;
    const std::string state = c->text(p + "frame_state");
    int64_t line = c->integer(p + "iframe.f_lineno", -1);
    if (line < 0)
        if (const ObjectState* f = st.find(c->ref(p + "iframe"))) line = f->integer("f_lineno", -1);
    if (state == "FRAME_CREATED") return text + ", not started";
    if (state == "FRAME_EXECUTING") return text + ", running" + (line >= 0 ? " at line " + std::to_string(line) : "");
    if (state == "FRAME_COMPLETED" || state == "FRAME_CLEARED") return text + ", finished";
    return text + ", suspended" + (line >= 0 ? " at line " + std::to_string(line) : "");
}

}  // namespace

std::vector<float> timer_positions(double clock, const std::vector<LoopHandle>& timers, float width, double& span,
                                   double min_span) {
    span = min_span > 0 ? min_span : 0.1;
    for (const auto& t : timers)
        if (t.has_when) span = std::max(span, t.when - clock);
    std::vector<float> xs;
    xs.reserve(timers.size());
    for (const auto& t : timers) {
        const double dt = t.has_when ? std::clamp(t.when - clock, 0.0, span) : 0.0;
        xs.push_back(static_cast<float>(dt / span) * width);
    }
    return xs;
}

std::string clock_text(double seconds) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g s", seconds);
    return buf;
}

EventLoopView event_loop_view(const HeapState& st) {
    EventLoopView v;
    v.clock = st.event.virtual_time;
    const ObjectState* loop = nullptr;
    for (const auto& o : st.objects)
        if (o.type.find("EventLoop") != std::string::npos && o.field("_ready")) {
            loop = &o;
            // The running loop wins over a closed one left behind.
            if (o.text("_closed") != "True") break;
        }
    if (!loop) return v;
    v.loop = loop->id;
    const std::string tid = loop->text("_thread_id");
    v.running = !tid.empty() && tid != "None";
    v.stopping = loop->text("_stopping") == "True";
    v.closed = loop->text("_closed") == "True";

    for (const Value& item : items(st, loop->ref("_ready")))
        if (item.kind == Value::Kind::Ref) v.ready.push_back(handle_of(st, item.ref));
    // The heap is an array in heap order; the panel shows it sorted by due time. A timer
    // no longer in the heap says so in its own `_scheduled` flag.
    std::unordered_set<ObjectId> seen;
    for (const Value& item : items(st, loop->ref("_scheduled"))) {
        if (item.kind != Value::Kind::Ref || !seen.insert(item.ref).second) continue;
        const ObjectState* t = st.find(item.ref);
        if (t && t->text("_scheduled") == "False") continue;
        v.timers.push_back(handle_of(st, item.ref));
    }
    std::stable_sort(v.timers.begin(), v.timers.end(),
                     [](const LoopHandle& a, const LoopHandle& b) { return a.has_when && (!b.has_when || a.when < b.when); });

    // Which future a timer will complete (asyncio.sleep: _set_result_unless_cancelled(fut, ...)).
    std::unordered_map<ObjectId, std::string> completed_by;
    for (const auto& t : v.timers)
        if (const ObjectState* o = st.find(t.id))
            if (const Value* args = o->field("_args"); args && args->kind == Value::Kind::Ref)
                for (const Value& a : items(st, args->ref))
                    if (a.kind == Value::Kind::Ref) completed_by[a.ref] = "the timer at t=" + t.when_text;

    std::unordered_set<ObjectId> running_coros;
    for (const auto& f : st.frame_stack)
        if (f.generator) running_coros.insert(f.generator);
    for (const auto& o : st.objects) {
        if (!is_task(o.type)) continue;
        LoopTask t;
        t.id = o.id;
        t.name = unquote(o.text("_name"));
        if (t.name.empty()) t.name = "Task #" + std::to_string(o.id);
        t.state = future_state(o);
        t.coro = o.ref("_coro");
        t.coro_text = coro_text(st, t.coro);
        t.running = t.coro && running_coros.count(t.coro);
        t.awaits = o.ref("_fut_waiter");
        if (const ObjectState* w = st.find(t.awaits)) {
            t.awaits_text = (is_task(w->type) ? unquote(w->text("_name")) : w->type) + " #" + std::to_string(w->id);
            if (is_future(w->type)) t.awaits_text += " (" + future_state(*w) + ")";
            if (auto it = completed_by.find(w->id); it != completed_by.end()) t.awaits_text += ", done by " + it->second;
        }
        if (t.state == "FINISHED") {
            if (const Value* r = o.field("_result")) t.result = short_value(st, *r);
            if (const Value* e = o.field("_exception"); e && !(e->kind == Value::Kind::Text && e->text == "None"))
                t.result = "raised " + pointee_text(st, *e);
        }
        t.changed = st.diff.created_here(o.id);
        for (const auto& fc : st.diff.fields)
            if (fc.object == o.id && !(fc.before == fc.after)) t.changed = true;
        v.tasks.push_back(std::move(t));
    }
    return v;
}

}  // namespace ys::view
