// Traceback objects and CPython 3.11's printing of exceptions (Python/traceback.c and
// pythonrun.c's print_exception_recursive): entries with source lines and the caret
// line, "[Previous line repeated N more times]", chained exceptions.
#include <cstdio>
#include <unordered_set>

#include "lang/parser.h"
#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

Type Traceback_Type;
std::string offer_suggestions(Object* exc);

static TracebackObject* TB(Object* o) { return static_cast<TracebackObject*>(o); }

int traceback_here(Frame* f) {
    Object* exc = rt().curexc;
    if (!exc) return 0;
    FrameObject* fo = frame_object_for(f);
    if (!fo) return -1;
    TracebackObject* tb = alloc<TracebackObject>(&Traceback_Type);
    if (!tb) return -1;
    ExceptionObject* e = static_cast<ExceptionObject*>(exc);
    tb->tb_next = e->traceback;  // steal the exception's reference
    e->traceback = nullptr;
    tb->tb_frame = newref(static_cast<Object*>(fo));
    tb->tb_lasti = f->prev_instr < 0 ? -1 : f->prev_instr * 2;
    tb->tb_lineno = f->lineno();
    gc_track(tb);
    e->traceback = tb;
    return 0;
}

Object* traceback_for_frame(Frame* f) {
    FrameObject* fo = frame_object_for(f);
    if (!fo) return nullptr;
    TracebackObject* tb = alloc<TracebackObject>(&Traceback_Type);
    if (!tb) return nullptr;
    tb->tb_frame = newref(static_cast<Object*>(fo));
    tb->tb_lasti = f->prev_instr < 0 ? -1 : f->prev_instr * 2;
    tb->tb_lineno = f->lineno();
    gc_track(tb);
    return tb;
}

static void tb_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(TB(o)->tb_next);
    xdecref(TB(o)->tb_frame);
    free_object(o);
}
static int tb_traverse(Object* o, VisitFn visit, void* arg) {
    if (TB(o)->tb_next) if (int r = visit(TB(o)->tb_next, arg)) return r;
    return TB(o)->tb_frame ? visit(TB(o)->tb_frame, arg) : 0;
}
static int tb_clear(Object* o) {
    clearref(&TB(o)->tb_next);
    clearref(&TB(o)->tb_frame);
    return 0;
}
static Object* tb_next(Object* o) { return TB(o)->tb_next ? newref(TB(o)->tb_next) : none(); }
static int tb_set_next(Object* o, Object* v) {
    if (!v) {
        raise(&TypeError_Type, "can't delete tb_next attribute");
        return -1;
    }
    if (v != YS_None && v->ob_type != &Traceback_Type) {
        raise_format(&TypeError_Type, "expected traceback object or None, got '%s'", type_name(v));
        return -1;
    }
    setref(&TB(o)->tb_next, v == YS_None ? nullptr : newref(v));
    return 0;
}
static Object* tb_frame(Object* o) { return newref(TB(o)->tb_frame); }
static Object* tb_lasti(Object* o) { return new_int(TB(o)->tb_lasti); }
static Object* tb_lineno(Object* o) { return new_int(TB(o)->tb_lineno); }

void init_traceback_type() {
    Type* t = &Traceback_Type;
    t->tp_name = "traceback";
    t->tp_basicsize = sizeof(TracebackObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = tb_dealloc;
    t->tp_traverse = tb_traverse;
    t->tp_clear = tb_clear;
    t->tp_getset = {{"tb_next", tb_next, tb_set_next}, {"tb_frame", tb_frame}, {"tb_lasti", tb_lasti},
                    {"tb_lineno", tb_lineno}};
}

// ---- printing
std::string source_line(const std::string& filename, int lineno) {
    Runtime& r = rt();
    if (filename != r.main_filename || lineno < 1) return {};
    size_t pos = 0;
    for (int i = 1; i < lineno; i++) {
        pos = r.main_source.find('\n', pos);
        if (pos == std::string::npos) return {};
        pos++;
    }
    size_t end = r.main_source.find('\n', pos);
    std::string line = r.main_source.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

static size_t char_offset(const std::string& s, size_t byte_off) {
    size_t n = 0;
    for (size_t i = 0; i < byte_off && i < s.size(); i++)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) n++;
    return n;
}
static size_t char_len(const std::string& s) { return char_offset(s, s.size()); }
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; }

// extract_anchors_from_line: BinOp / Subscript anchors of the failing segment.
static bool extract_anchors(const std::string& segment, int* left, int* right, const char** primary,
                            const char** secondary) {
    ParseResult pr = parse_module(segment, "<string>");
    if (!pr.module || pr.module->body.size() != 1) return false;
    const ast::Stmt& st = *pr.module->body[0];
    if (st.kind != ast::StmtKind::Expr || !st.value) return false;
    const ast::Expr& e = *st.value;
    if (e.kind == ast::ExprKind::BinOp) {
        int lend = e.a->pos.end_col_offset, rstart = e.b->pos.col_offset;
        for (int i = lend; i < rstart; i++) {
            if (is_ws(segment[static_cast<size_t>(i)])) continue;
            *left = i;
            *right = i + 1;
            if (i + 1 < rstart && !is_ws(segment[static_cast<size_t>(i) + 1])) ++*right;
            if (i + 1 < rstart && segment[static_cast<size_t>(i)] == ')') continue;
            *primary = "~";
            *secondary = "^";
            break;
        }
        return true;
    }
    if (e.kind == ast::ExprKind::Subscript) {
        int len = static_cast<int>(segment.size());
        *left = e.a->pos.end_col_offset;
        *right = e.b->pos.end_col_offset + 1;
        while (*left < len && (is_ws(segment[static_cast<size_t>(*left)]) || segment[static_cast<size_t>(*left)] != '['))
            ++*left;
        while (*right < len &&
               (is_ws(segment[static_cast<size_t>(*right)]) || segment[static_cast<size_t>(*right)] != ']'))
            ++*right;
        if (*right < len) *right += 1;
        *primary = "~";
        *secondary = "^";
        return true;
    }
    return false;
}

static void display_line(TracebackObject* tb, std::string& out) {
    FrameObject* fo = static_cast<FrameObject*>(tb->tb_frame);
    CodeObj* co = fo->f_frame->f_code;
    const std::string& filename = co->code->co_filename;
    out += "  File \"" + filename + "\", line " + std::to_string(tb->tb_lineno) + ", in " + co->code->co_name + "\n";
    std::string line = source_line(filename, tb->tb_lineno);
    if (line.empty()) return;
    size_t truncation = 0;
    while (truncation < line.size() && is_ws(line[truncation])) truncation++;
    size_t last = line.size();
    while (last > truncation && is_ws(line[last - 1])) last--;
    std::string stripped = line.substr(truncation, last - truncation);
    if (stripped.empty()) return;
    out += "    " + stripped + "\n";
    int unit = tb->tb_lasti / 2;
    if (tb->tb_lasti < 0 || unit >= static_cast<int>(co->code->positions.size())) return;
    const Position& p = co->code->positions[static_cast<size_t>(unit)];
    if (p.line < 0 || p.end_line < 0 || p.col < 0 || p.end_col < 0) return;
    if (p.line != tb->tb_lineno) return;
    long start = static_cast<long>(char_offset(line, static_cast<size_t>(p.col)));
    long end = static_cast<long>(char_offset(line, static_cast<size_t>(p.end_col)));
    int left = -1, right = -1;
    const char* primary = "^";
    const char* secondary = "^";
    if (p.line == p.end_line) {
        size_t bs = static_cast<size_t>(p.col), be = static_cast<size_t>(p.end_col);
        if (be > line.size()) be = line.size();
        if (bs < be) {
            std::string segment = line.substr(bs, be - bs);
            if (extract_anchors(segment, &left, &right, &primary, &secondary)) {
                left = static_cast<int>(char_offset(segment, static_cast<size_t>(left)) + static_cast<size_t>(start));
                right = static_cast<int>(char_offset(segment, static_cast<size_t>(right)) + static_cast<size_t>(start));
            }
        }
    } else {
        end = static_cast<long>(char_len(line.substr(0, last)));
    }
    long stripped_len = static_cast<long>(char_len(stripped));
    bool secondary_ranges = left != -1 || right != -1;
    if (end - start == stripped_len && !secondary_ranges) return;
    out += "    ";
    for (long off = static_cast<long>(char_offset(line, truncation)) + 1; off <= end; off++) {
        if (off <= start) out += " ";
        else if (secondary_ranges && left < off && off <= right) out += secondary;
        else out += primary;
    }
    out += "\n";
}

void print_traceback_entries(Object* tbo, std::string& out) {
    constexpr int kCutoff = 3;
    constexpr int kLimit = 1000;
    int depth = 0;
    for (Object* t = tbo; t; t = TB(t)->tb_next) depth++;
    Object* t = tbo;
    while (t && depth > kLimit) {
        depth--;
        t = TB(t)->tb_next;
    }
    const CodeObject* last_code = nullptr;
    int last_line = -1;
    int cnt = 0;
    auto repeated = [&](int c) {
        c -= kCutoff;
        out += "  [Previous line repeated " + std::to_string(c) + (c > 1 ? " more times]\n" : " more time]\n");
    };
    for (; t; t = TB(t)->tb_next) {
        TracebackObject* tb = TB(t);
        const CodeObject* code = static_cast<FrameObject*>(tb->tb_frame)->f_frame->f_code->code.get();
        if (!last_code || code->co_filename != last_code->co_filename || last_line == -1 ||
            tb->tb_lineno != last_line || code->co_name != last_code->co_name) {
            if (cnt > kCutoff) repeated(cnt);
            last_code = code;
            last_line = tb->tb_lineno;
            cnt = 0;
        }
        cnt++;
        if (cnt <= kCutoff) display_line(tb, out);
    }
    if (cnt > kCutoff) repeated(cnt);
}

std::string format_exception_only(Object* exc) {
    Type* t = exc->ob_type;
    std::string out;
    std::string mod = t->tp_module && is_str(t->tp_module) ? str_value(t->tp_module) : "builtins";
    if (mod != "builtins" && mod != "__main__") out += mod + ".";
    out += t->tp_qualname;
    Object* s = object_str(exc);
    if (!s) {
        err_clear();
        out += ": <exception str() failed>";
    } else {
        if (!str_value(s).empty()) out += ": " + str_value(s);
        decref(s);
    }
    return out;
}

static void print_one(Object* exc, std::string& out) {
    Object* tb = static_cast<ExceptionObject*>(exc)->traceback;
    if (tb) {
        out += "Traceback (most recent call last):\n";
        print_traceback_entries(tb, out);
    }
    out += format_exception_only(exc) + offer_suggestions(exc) + "\n";
}

static void print_chain(Object* exc, std::string& out, std::unordered_set<Object*>& seen) {
    seen.insert(exc);
    ExceptionObject* e = static_cast<ExceptionObject*>(exc);
    if (e->cause && is_exception(e->cause) && !seen.count(e->cause)) {
        print_chain(e->cause, out, seen);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (e->context && is_exception(e->context) && !e->suppress_context && !seen.count(e->context)) {
        print_chain(e->context, out, seen);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    print_one(exc, out);
}

void print_exception(Object* exc, std::string& out) {
    std::unordered_set<Object*> seen;
    print_chain(exc, out, seen);
}

}  // namespace ys::vm
