#include "view/coro_layout.h"

#include <cctype>

namespace ys::view {

using trace::HeapState;
using trace::ObjectState;
using trace::Value;

namespace {

// A tiny reader for the repr of a tuple of (str, int, str) tuples.
class OriginReader {
public:
    explicit OriginReader(std::string_view s) : s_(s) {}

    std::optional<std::vector<OriginFrame>> read() {
        std::vector<OriginFrame> out;
        if (!eat('(')) return std::nullopt;
        while (!peek(')')) {
            OriginFrame f;
            if (!eat('(') || !string(f.filename) || !eat(',') || !integer(f.line) || !eat(',') ||
                !string(f.function))
                return std::nullopt;
            eat(',');
            if (!eat(')')) return std::nullopt;
            out.push_back(std::move(f));
            if (!eat(',')) break;
        }
        if (!eat(')')) return std::nullopt;
        skip();
        if (i_ != s_.size()) return std::nullopt;
        return out;
    }

private:
    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    bool peek(char c) {
        skip();
        return i_ < s_.size() && s_[i_] == c;
    }
    bool eat(char c) {
        if (!peek(c)) return false;
        ++i_;
        return true;
    }
    bool string(std::string& out) {
        skip();
        if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"')) return false;
        const char quote = s_[i_++];
        while (i_ < s_.size() && s_[i_] != quote) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                const char e = s_[i_ + 1];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                i_ += 2;
                continue;
            }
            out += s_[i_++];
        }
        if (i_ >= s_.size()) return false;
        ++i_;
        return true;
    }
    bool integer(int& out) {
        skip();
        const size_t start = i_;
        bool negative = false;
        if (i_ < s_.size() && s_[i_] == '-') {
            negative = true;
            ++i_;
        }
        long long v = 0;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])) && v < 1000000000) v = v * 10 + (s_[i_++] - '0');
        if (i_ == start + (negative ? 1 : 0)) return false;
        if (v > 1000000000) v = 1000000000;   // a line number; keep it in an int
        out = static_cast<int>(negative ? -v : v);
        return true;
    }

    std::string_view s_;
    size_t i_ = 0;
};

StructRow row_from(const HeapState& st, const ObjectState& o, const std::string& shown, const std::string& source) {
    StructRow r;
    r.field = shown;
    const Value* v = o.field(source);
    if (!v) {
        r.value = "NULL";
        r.derived = true;
        return r;
    }
    r.value = value_text(*v);
    if (v->kind == Value::Kind::Ref) {
        r.target = v->ref;
        r.points_to = pointee_text(st, *v);
    }
    r.changed = st.diff.field_changed(o.id, source);
    return r;
}

// The origin slot, then one indented row per recorded frame.
void origin_rows(const HeapState& st, const ObjectState& o, const std::string& shown, std::vector<StructRow>& rows) {
    StructRow head = row_from(st, o, shown, "cr_origin");
    const Value* v = o.field("cr_origin");
    std::optional<std::vector<OriginFrame>> frames;
    if (v && v->kind == Value::Kind::Text && v->text != "None") frames = parse_origin(v->text);
    if (v && v->kind == Value::Kind::Text && v->text == "None") head.value = "NULL";
    if (frames) {
        head.value = "(tuple)";
        head.points_to = std::to_string(frames->size()) + (frames->size() == 1 ? " frame" : " frames") +
                         ": where it was created";
    } else if (head.value == "NULL") {
        head.points_to = "origin tracking off";
    }
    rows.push_back(head);
    if (!frames) return;
    for (size_t i = 0; i < frames->size(); ++i) {
        const OriginFrame& f = (*frames)[i];
        StructRow r;
        r.field = "[" + std::to_string(i) + "]";
        r.value = f.function;
        r.points_to = f.filename + ":" + std::to_string(f.line);
        r.changed = head.changed;
        r.depth = 1;
        rows.push_back(std::move(r));
    }
}

// True when a suspended frame sits inside an `await`: the top of its value stack is
// what it awaits (a coroutine, a future, an __await__ generator). After a plain
// `yield` in an async generator the yielded value is gone from the stack.
bool suspended_in_await(const HeapState& st, const ObjectState& frame) {
    const int64_t stacktop = frame.integer("stacktop", -1);
    int64_t nlocals = 0;
    for (const auto& f : frame.fields) nlocals += f.name.rfind("localsplus[", 0) == 0;
    const int64_t depth = stacktop - nlocals;
    if (depth <= 0) return false;
    const Value* top = frame.field("stack[" + std::to_string(depth - 1) + "]");
    if (!top || top->kind != Value::Kind::Ref) return false;
    const ObjectState* o = st.find(top->ref);
    if (!o) return false;
    if (o->type == "coroutine" || o->type == "Task" || o->type.find("Future") != std::string::npos) return true;
    return o->type == "generator" && o->text("gi_name").find("__await__") != std::string::npos;
}

// ag_running_async: reported by the VM when it does; else derived. CPython sets it
// while an asend()/athrow() runs the body, including while the body waits in an
// `await`, and clears it when the body yields a value.
StructRow running_async_row(const HeapState& st, const ObjectState& o) {
    if (o.field("ag_running_async")) return row_from(st, o, "ag_running_async", "ag_running_async");
    StructRow r;
    r.field = "ag_running_async";
    r.derived = true;
    const std::string state = o.text("ag_frame_state");
    bool running = state == "FRAME_EXECUTING";
    if (state == "FRAME_SUSPENDED" || state == "FRAME_SUSPENDED_YIELD_FROM")
        if (const ObjectState* frame = st.find(o.ref("ag_iframe"))) running = suspended_in_await(st, *frame);
    r.value = running ? "1" : "0";
    r.points_to = running && state != "FRAME_EXECUTING" ? "waiting in an await inside the body" : "";
    r.changed = st.diff.field_changed(o.id, "ag_frame_state");
    return r;
}

}  // namespace

std::optional<std::vector<OriginFrame>> parse_origin(std::string_view repr) { return OriginReader(repr).read(); }

bool is_coro_extra_field(const std::string& p, const std::string& field) {
    if (p == "cr_") return field == "cr_origin";
    if (p == "ag_")
        return field == "ag_finalizer" || field == "ag_hooks_inited" || field == "ag_closed" ||
               field == "ag_running_async";
    return false;
}

void coro_extra_rows(const HeapState& st, const ObjectState& o, const std::string& p, LayoutProfile profile,
                     std::vector<StructRow>& rows) {
    const bool v311 = profile == LayoutProfile::CPython311;
    if (p == "cr_") {
        origin_rows(st, o, v311 ? "cr_origin_or_finalizer" : "cr_origin", rows);
        return;
    }
    if (p != "ag_") return;
    StructRow fin = row_from(st, o, v311 ? "ag_origin_or_finalizer" : "ag_finalizer", "ag_finalizer");
    if (fin.value == "NULL" && fin.points_to.empty()) fin.points_to = "no finalizer hook";
    rows.push_back(std::move(fin));
    rows.push_back(row_from(st, o, "ag_hooks_inited", "ag_hooks_inited"));
    rows.push_back(row_from(st, o, "ag_closed", "ag_closed"));
    rows.push_back(running_async_row(st, o));
}

}  // namespace ys::view
