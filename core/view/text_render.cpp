#include "view/text_render.h"

#include <algorithm>

#include "trace/queries.h"
#include "view/describe.h"

namespace ys::view {

using trace::HeapState;
using trace::ObjectId;
using trace::Value;

bool parse_text_view(std::string_view name, TextView& out) {
    if (name == "layout") out = TextView::Layout;
    else if (name == "frames") out = TextView::Frames;
    else if (name == "heap") out = TextView::Heap;
    else if (name == "exc") out = TextView::Exc;
    else if (name == "events") out = TextView::Events;
    else if (name == "loop") out = TextView::Loop;
    else return false;
    return true;
}

namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

// Display columns: one per code point (the text we draw has no wide characters).
size_t columns(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// Cut to at most `width` columns, ending with "…" when cut.
std::string fit(std::string_view s, size_t width) {
    std::string clean;
    for (char c : s) clean.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
    if (columns(clean) <= width) return clean + std::string(width - columns(clean), ' ');
    std::string out;
    size_t cols = 0;
    for (size_t i = 0; i < clean.size();) {
        size_t len = 1;
        unsigned char c = static_cast<unsigned char>(clean[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (cols + 1 >= width) break;
        out.append(clean, i, len);
        ++cols;
        i += len;
    }
    out += "…";
    ++cols;
    return out + std::string(width > cols ? width - cols : 0, ' ');
}

std::string rstrip(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// Word-wraps to `width` columns, continuation lines indented by `indent` spaces.
std::string wrap(const std::string& text, size_t width, size_t indent = 2) {
    std::string out, line;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t sp = text.find(' ', pos);
        std::string word = text.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
        pos = sp == std::string::npos ? text.size() : sp + 1;
        if (!line.empty() && columns(line) + 1 + columns(word) > width) {
            out += line + "\n";
            line = std::string(indent, ' ');
        } else if (!line.empty() && line.find_first_not_of(' ') != std::string::npos) {
            line += ' ';
        }
        line += word;
    }
    if (!line.empty()) out += line + "\n";
    return out;
}

std::string repeat(const char* s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string mark(bool changed, const std::string& text, const TextOptions& o) {
    if (!changed || !o.color) return text;
    return std::string(kRed) + text + kReset;
}

std::string frame_line(const trace::FrameInfo& f, const char* lead, size_t name_w) {
    std::string s = lead;
    s += fit(f.name.empty() ? "?" : f.name, name_w);
    s += "  line " + fit(f.line >= 0 ? std::to_string(f.line) : "-", 5);
    s += " f_lasti " + fit(f.lasti >= 0 ? std::to_string(f.lasti) : "-1", 5);
    s += " frame #" + std::to_string(f.frame);
    if (f.generator) s += " of generator #" + std::to_string(f.generator);
    return s;
}

}  // namespace

std::string render_box(const StructBox& box, const TextOptions& o) {
    const size_t width = static_cast<size_t>(std::max(60, o.width));
    size_t fw = 8, vw = 6;
    for (const auto& r : box.rows) {
        fw = std::max(fw, columns(r.field) + 2 * static_cast<size_t>(r.depth) + 2);
        vw = std::max(vw, columns(r.value));
    }
    if (box.rows.empty()) fw = 14;
    fw = std::min<size_t>(fw, 34);
    vw = std::min<size_t>(vw, 24);
    // │ field │ value │ points to │  = 10 columns of borders and padding
    size_t pw = width > fw + vw + 10 ? width - fw - vw - 10 : 10;
    size_t pneed = 10;
    for (const auto& r : box.rows) pneed = std::max(pneed, columns(r.points_to) + (r.target ? 4 : 0));
    pw = std::min(pw, pneed);

    std::string out;
    std::string title = box.title + "  #" + std::to_string(box.id);
    if (box.created) title += "  (new)";
    std::string rc = "refcount " + std::to_string(box.refcount) + (box.refcount_changed ? " *" : "");
    out += o.color ? std::string(kBold) + title + kReset : title;
    size_t total = fw + vw + pw + 10;
    size_t gap = total > columns(title) + columns(rc) ? total - columns(title) - columns(rc) : 2;
    out += std::string(gap, ' ') + mark(box.refcount_changed, rc, o) + "\n";
    out += "┌" + repeat("─", fw + 2) + "┬" + repeat("─", vw + 2) + "┬" + repeat("─", pw + 2) + "┐\n";
    for (const auto& r : box.rows) {
        std::string field = std::string(2 * static_cast<size_t>(r.depth), ' ') + r.field;
        std::string fcell = fit(field, fw - 2) + (r.changed ? " *" : "  ");
        std::string pcell = r.points_to;
        if (r.target && !pcell.empty()) pcell = "──▶ " + pcell;
        out += "│ " + mark(r.changed, fcell, o) + " │ " + mark(r.changed, fit(r.value, vw), o) + " │ " + fit(pcell, pw) + " │\n";
    }
    if (box.rows.empty()) out += "│ " + fit("(no fields)", fw) + " │ " + fit("", vw) + " │ " + fit("", pw) + " │\n";
    out += "└" + repeat("─", fw + 2) + "┴" + repeat("─", vw + 2) + "┴" + repeat("─", pw + 2) + "┘\n";
    return out;
}

std::string render_layout(const HeapState& st, const TextOptions& o) {
    std::string out;
    auto ids = layout_objects(st, o.profile);
    out += "Memory layout (" + std::string(profile_name(o.profile)) + ")";
    out += "   * = changed in this step\n\n";
    if (ids.empty()) out += "  (no generators or frames alive)\n";
    for (ObjectId id : ids) {
        out += render_box(struct_layout(st, id, o.profile), o);
        out += "\n";
    }
    if (!st.diff.freed.empty()) {
        out += "Freed in this step:";
        for (const auto& f : st.diff.freed) out += " #" + std::to_string(f.id) + " " + f.type;
        out += "\n";
    }
    return out;
}

std::string render_frames(const HeapState& st, const TextOptions& o) {
    std::string out = "Frame stack (innermost first, from cframe.current_frame along previous)\n";
    size_t w = 12;
    for (const auto& f : st.frame_stack) w = std::max(w, columns(f.name));
    for (const auto& f : st.suspended_frames) w = std::max(w, columns(f.name));
    w = std::min<size_t>(w, 28);
    if (st.frame_stack.empty()) out += "  (empty)\n";
    for (size_t i = 0; i < st.frame_stack.size(); ++i) {
        const char* lead = i == 0 ? "  ▶ " : "    ";
        out += frame_line(st.frame_stack[i], lead, w) + "\n";
        if (i + 1 < st.frame_stack.size()) out += "    │ previous\n";
    }
    out += "\nSuspended generator frames (linked to no caller)\n";
    if (st.suspended_frames.empty()) out += "  (none)\n";
    for (const auto& f : st.suspended_frames) out += frame_line(f, "  ┄ ", w) + "  (suspended)\n";
    (void)o;
    return out;
}

std::string render_heap(const HeapState& st, const TextOptions& o) {
    trace::HeapAnalysis a = trace::analyze_heap(st);
    std::string out = "Heap: " + std::to_string(st.objects.size()) + " live objects";
    out += "   roots: thread state, modules, frames on the stack\n";
    out += "      id  object                            refcount  notes\n";
    for (const auto& obj : st.objects) {
        bool rc_changed = st.diff.refcount_changed(obj.id);
        std::string notes;
        if (std::binary_search(a.roots.begin(), a.roots.end(), obj.id)) notes += "root ";
        int c = a.cycle_of(obj.id);
        if (c >= 0) notes += "cycle " + std::to_string(c + 1) + " ";
        if (a.is_unreachable(obj.id)) notes += "UNREACHABLE ";
        if (st.diff.created_here(obj.id)) notes += "new ";
        std::string id = "#" + std::to_string(obj.id);
        std::string rc = std::to_string(obj.refcount) + (rc_changed ? "*" : " ");
        std::string line = "  " + std::string(id.size() < 6 ? 6 - id.size() : 0, ' ') + id + "  " + fit(st.label(obj.id), 34) +
                           std::string(rc.size() < 9 ? 9 - rc.size() : 0, ' ') + rc + "  " + notes;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += mark(rc_changed || st.diff.created_here(obj.id), line, o) + "\n";
    }
    for (const auto& f : st.diff.freed) {
        std::string id = "#" + std::to_string(f.id);
        out += "  " + std::string(id.size() < 6 ? 6 - id.size() : 0, ' ') + id + "  " + fit(f.type, 34) +
               "        -   freed in this step\n";
    }
    out += "\nReference cycles\n";
    if (a.cycles.empty()) out += "  (none)\n";
    for (size_t i = 0; i < a.cycles.size(); ++i) {
        // Walk the cycle along references so it reads as a loop.
        const auto& comp = a.cycles[i];
        std::string s = "  " + std::to_string(i + 1) + ". ";
        ObjectId cur = comp.front();
        std::vector<ObjectId> seen;
        for (size_t k = 0; k <= comp.size(); ++k) {
            const trace::ObjectState* obj = st.find(cur);
            s += "#" + std::to_string(cur) + " " + st.label(cur);
            if (k == comp.size() || std::find(seen.begin(), seen.end(), cur) != seen.end()) break;
            seen.push_back(cur);
            ObjectId next = 0;
            std::string via;
            for (const auto& f : obj->fields)
                if (f.value.kind == Value::Kind::Ref && std::binary_search(comp.begin(), comp.end(), f.value.ref)) {
                    next = f.value.ref;
                    via = f.name;
                    if (std::find(seen.begin(), seen.end(), next) == seen.end() || next == comp.front()) break;
                }
            if (!next) break;
            s += " ─" + via + "─▶ ";
            cur = next;
        }
        bool garbage = std::all_of(comp.begin(), comp.end(), [&](ObjectId id) { return a.is_unreachable(id); });
        out += s + "\n";
        if (garbage) out += "     unreachable from every root: garbage that only the cycle collector will free\n";
    }
    out += "\nUnreachable but alive\n";
    if (a.unreachable.empty()) out += "  (none)\n";
    else {
        std::string s = " ";
        for (ObjectId id : a.unreachable) {
            std::string item = " #" + std::to_string(id) + " " + st.label(id);
            if (columns(s) + columns(item) > static_cast<size_t>(o.width) - 2) {
                out += s + "\n";
                s = " ";
            }
            s += item;
        }
        out += s + "\n";
    }
    return out;
}

std::string render_exc(const HeapState& st, const TextOptions& o) {
    std::string out = "Thread exception-info chain (top first: exc_info, then previous_item)\n";
    if (st.exc_chain.empty()) out += "  (no thread state)\n";
    for (size_t i = 0; i < st.exc_chain.size(); ++i) {
        const auto& item = st.exc_chain[i];
        const trace::ObjectState* owner = st.find(item.owner);
        std::string p = owner ? std::string(trace::gen_prefix(owner->type)) : std::string();
        std::string field = p.empty() ? "exc_state.exc_value" : p + "exc_state.exc_value";
        bool changed = st.diff.field_changed(item.owner, field);
        std::string v = value_text(item.exc_value);
        if (item.exc_value.kind == Value::Kind::Ref) v += " " + pointee_text(st, item.exc_value);
        const char* lead = st.exc_chain.size() == 1 ? "  ─ " : i == 0 ? "  ┌ " : i + 1 == st.exc_chain.size() ? "  └ " : "  ├ ";
        std::string who = p.empty() ? "thread state" : st.label(item.owner);
        std::string line = std::string(lead) + fit(who, 24) + " " + field + (changed ? " *" : "") + " = " + v;
        out += mark(changed, rstrip(fit(line, static_cast<size_t>(o.width))), o) + "\n";
    }
    out += "\nSaved exception state of each generator\n";
    bool any = false;
    for (const auto& obj : st.objects) {
        std::string p(trace::gen_prefix(obj.type));
        if (p.empty()) continue;
        any = true;
        const Value* ev = obj.field(p + "exc_state.exc_value");
        std::string v = ev ? value_text(*ev) : "NULL";
        if (ev && ev->kind == Value::Kind::Ref) v += " " + pointee_text(st, *ev);
        bool changed = st.diff.field_changed(obj.id, p + "exc_state.exc_value");
        std::string state = obj.text(p + "frame_state");
        std::string line = "  " + fit(st.label(obj.id) + " #" + std::to_string(obj.id), 24) + " " + fit(state, 16) + " " +
                           p + "exc_state.exc_value" + (changed ? " *" : "") + " = " + v;
        out += mark(changed, rstrip(fit(line, static_cast<size_t>(o.width))), o) + "\n";
    }
    if (!any) out += "  (no generators alive)\n";
    return out;
}

std::string render_events(trace::Replay& replay, uint64_t first, uint64_t last, const TextOptions& o) {
    std::string out;
    const trace::Trace& t = replay.trace();
    if (t.empty()) return "(empty trace)\n";
    last = std::min(last, t.step_count() - 1);
    size_t num_w = std::to_string(t.step_count() - 1).size();
    for (uint64_t s = first; s <= last; ++s) {
        const HeapState& st = replay.seek(s);
        std::string n = std::to_string(s);
        std::string line = std::string(num_w - n.size(), ' ') + n + "  " + fit(event_short_label(st.event.kind), 12) + " " +
                           describe_step(st);
        size_t max = static_cast<size_t>(std::max(40, o.width));
        if (columns(line) > max) line = fit(line, max);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        auto note = t.annotations.find(s);
        if (note != t.annotations.end()) out += std::string(num_w + 2, ' ') + "note: " + note->second + "\n";
    }
    return out;
}

std::string render_step(trace::Replay& replay, uint64_t step, TextView view, const TextOptions& o) {
    const trace::Trace& t = replay.trace();
    if (t.empty()) return "(empty trace)\n";
    if (view == TextView::Events) return render_events(replay, 0, t.step_count() - 1, o);
    const HeapState& st = replay.seek(step);
    std::string out;
    std::string head = "step " + std::to_string(st.step) + " / " + std::to_string(t.step_count() - 1) + " · " +
                       trace::event_kind_label(st.event.kind);
    if (!t.filename.empty()) {
        head += " · " + t.filename;
        if (st.event.line >= 0) head += " line " + std::to_string(st.event.line);
    }
    out += (o.color ? std::string(kBold) + head + kReset : head) + "\n";
    out += wrap(describe_step(st), static_cast<size_t>(o.width));
    auto note = t.annotations.find(st.step);
    if (note != t.annotations.end()) out += wrap("note: " + note->second, static_cast<size_t>(o.width), 6);
    out += "\n";
    switch (view) {
        case TextView::Layout: out += render_layout(st, o); break;
        case TextView::Frames: out += render_frames(st, o); break;
        case TextView::Heap: out += render_heap(st, o); break;
        case TextView::Exc: out += render_exc(st, o); break;
        case TextView::Loop: out += render_loop(st, o); break;
        case TextView::Events: break;
    }
    if (!st.output.empty() && view == TextView::Frames) {
        out += "\nOutput so far\n";
        std::string_view rest = st.output;
        while (!rest.empty()) {
            size_t nl = rest.find('\n');
            out += "  │ " + std::string(rest.substr(0, nl)) + "\n";
            if (nl == std::string_view::npos) break;
            rest.remove_prefix(nl + 1);
        }
    }
    return out;
}

}  // namespace ys::view
