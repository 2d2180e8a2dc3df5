// Interpreter frames (the data stack, clearing in CPython's order) and frame objects
// (PyFrameObject: made on demand, taking ownership of the interpreter frame when it
// outlives its call, as Python/frame.c's take_ownership does).
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "vm/frame.h"
#include "vm/trace_report.h"
#include "vm/runtime.h"

namespace ys::vm {

Type Frame_Type;

// ---- data stack: frames of running calls, allocated LIFO in big chunks.
struct Chunk {
    Chunk* prev;
    char* top;
    char* end;
    char data[1];
};
static thread_local Chunk* t_chunk = nullptr;

Frame* alloc_thread_frame(CodeObj* code) {
    size_t size = (frame_size_bytes(code) + 15) & ~size_t(15);
    if (!t_chunk || t_chunk->top + size + sizeof(size_t) > t_chunk->end) {
        size_t cap = std::max<size_t>(size + 64, 1u << 20);
        Chunk* c = static_cast<Chunk*>(std::malloc(sizeof(Chunk) + cap));
        if (!c) return nullptr;
        c->prev = t_chunk;
        c->top = c->data;
        c->end = c->data + cap;
        t_chunk = c;
    }
    Frame* f = reinterpret_cast<Frame*>(t_chunk->top);
    t_chunk->top += size;
    *reinterpret_cast<size_t*>(t_chunk->top) = size;  // footer: lets pop find the start
    t_chunk->top += sizeof(size_t);
    f->trace_id = 0;
    f->report_stale = true;
    return f;
}

void release_frame_memory(Frame* f) {
    Chunk* c = t_chunk;
    char* p = reinterpret_cast<char*>(f);
    c->top = p;
    if (c->top == c->data && c->prev) {
        t_chunk = c->prev;
        std::free(c);
    }
}

void free_datastack() {
    while (t_chunk) {
        Chunk* p = t_chunk->prev;
        std::free(t_chunk);
        t_chunk = p;
    }
}

int Frame::lineno() const {
    if (prev_instr < 0) return f_code->code->co_firstlineno;
    int line = f_code->code->line_of_unit(prev_instr);
    return line;
}

FrameObject* frame_object_for(Frame* f) {
    if (f->frame_obj) return f->frame_obj;
    FrameObject* fo = alloc<FrameObject>(&Frame_Type);
    if (!fo) return nullptr;
    fo->f_frame = f;
    fo->f_lineno = 0;
    f->frame_obj = fo;  // the interpreter frame holds the (only) strong reference
    return fo;
}

// take_ownership: the frame object outlives the interpreter frame: move the frame
// (locals included, without touching refcounts) into the frame object.
static void take_ownership(FrameObject* fo, Frame* frame) {
    size_t size = sizeof(Frame) + sizeof(Object*) * static_cast<size_t>(frame->stacktop < 0 ? 0 : frame->stacktop);
    Frame* copy = static_cast<Frame*>(std::malloc(sizeof(Frame) + sizeof(Object*) * static_cast<size_t>(frame->f_code->framesize)));
    std::memcpy(copy, frame, size);
    if (copy->stacktop < 0) copy->stacktop = 0;
    fo->owned = copy;
    fo->f_frame = copy;
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    copy->report_stale = true;
    frame->trace_id = 0;  // the id moves with the frame into the frame object
    if (copy->prev_instr < 0) copy->prev_instr = 0;
    Frame* prev = frame->previous;
    if (prev) {
        FrameObject* back = frame_object_for(prev);
        if (back) fo->f_back = newref(back);
        else err_clear();
        copy->previous = nullptr;
    }
    if (!gc_is_tracked(fo)) gc_track(fo);
}

// Drops the frame's references in CPython's order: locals and stack from index 0 up,
// then the frame object's, f_locals, f_func, f_code (_PyFrame_Clear).
void clear_frame_locals(Frame* frame) {
    if (FrameObject* f = frame->frame_obj) {
        frame->frame_obj = nullptr;
        if (f->ob_refcnt > 1) {
            take_ownership(f, frame);
            decref(f);
            return;
        }
        decref(f);
    }
    Object** lp = frame->localsplus();
    for (int i = 0; i < frame->stacktop; i++) xdecref(lp[i]);
    xdecref(frame->f_locals);
    xdecref(frame->f_func);
    decref(frame->f_code);
}

void pop_frame(Frame* f) {
    clear_frame_locals(f);
    if (t_sink) [[unlikely]] trace_frame_gone(f);
    release_frame_memory(f);
}

Object* frame_get_locals(Frame* f) {
    if (f->f_locals && !(f->f_code->flags & CO_OPTIMIZED)) return newref(f->f_locals);
    Object* d = new_dict();
    if (!d) return nullptr;
    CodeObj* co = f->f_code;
    Object** lp = f->localsplus();
    for (int i = 0; i < co->nlocalsplus; i++) {
        Object* v = lp[i];
        uint8_t kind = co->code->co_localspluskinds[static_cast<size_t>(i)];
        if (!v) continue;
        if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && v->ob_type == &Cell_Type) {
            // A cell that MAKE_CELL has not run for yet holds the raw value.
            v = static_cast<CellObject*>(v)->ob_ref;
            if (!v) continue;
        }
        dict_set(d, tuple_items(co->localsplusnames)[i], v);
    }
    return d;
}

// ---- frame object
static Frame* FF(Object* o) { return static_cast<FrameObject*>(o)->f_frame; }

static void frame_dealloc(Object* o) {
    auto* fo = static_cast<FrameObject*>(o);
    if (gc_is_tracked(o)) gc_untrack(o);
    Object* co = nullptr;
    if (fo->owned) {
        Frame* frame = fo->owned;
        co = frame->f_code;
        frame->f_code = nullptr;
        clearref(&frame->f_func);
        clearref(&frame->f_locals);
        Object** lp = frame->localsplus();
        for (int i = 0; i < frame->stacktop; i++) clearref(&lp[i]);
        if (t_sink) [[unlikely]] trace_frame_gone(frame);
        std::free(frame);
        fo->owned = nullptr;
    }
    clearref(reinterpret_cast<Object**>(&fo->f_back));
    clearref(&fo->f_trace);
    free_object(o);
    xdecref(co);
}

static int frame_traverse(Object* o, VisitFn visit, void* arg) {
    auto* fo = static_cast<FrameObject*>(o);
    if (fo->f_back) if (int r = visit(fo->f_back, arg)) return r;
    if (fo->owned) {
        Frame* f = fo->owned;
        if (f->f_func) if (int r = visit(f->f_func, arg)) return r;
        if (int r = visit(f->f_code, arg)) return r;
        if (f->f_locals) if (int r = visit(f->f_locals, arg)) return r;
        Object** lp = f->localsplus();
        for (int i = 0; i < f->stacktop; i++)
            if (lp[i]) if (int r = visit(lp[i], arg)) return r;
    }
    return 0;
}

static int frame_tp_clear(Object* o) {
    auto* fo = static_cast<FrameObject*>(o);
    if (fo->owned) {
        Frame* f = fo->owned;
        Object** lp = f->localsplus();
        int n = f->stacktop;
        f->stacktop = 0;
        for (int i = 0; i < n; i++) clearref(&lp[i]);
        clearref(&f->f_locals);
    }
    clearref(reinterpret_cast<Object**>(&fo->f_back));
    return 0;
}

static Object* frame_repr(Object* o) {
    Frame* f = FF(o);
    char buf[64];
    snprintf(buf, sizeof buf, "<frame at %p, file ", object_address_ptr(o));
    return new_str(std::string(buf) + repr_string(f->f_code->co_filename) + ", line " + std::to_string(f->lineno()) +
                   ", code " + str_value(f->f_code->co_name) + ">");
}
static Object* frame_f_lineno(Object* o) { return new_int(FF(o)->lineno()); }
static Object* frame_f_lasti(Object* o) {
    int l = FF(o)->prev_instr;
    return new_int(l < 0 ? -1 : l * 2);
}
static Object* frame_f_code(Object* o) { return newref(static_cast<Object*>(FF(o)->f_code)); }
static Object* frame_f_globals(Object* o) { return newref(FF(o)->f_globals); }
static Object* frame_f_builtins(Object* o) { return newref(FF(o)->f_builtins); }
static Object* frame_f_locals(Object* o) { return frame_get_locals(FF(o)); }
static Object* frame_f_back(Object* o) {
    auto* fo = static_cast<FrameObject*>(o);
    if (fo->f_back) return newref(fo->f_back);
    Frame* prev = fo->f_frame->previous;
    if (!prev) return none();
    FrameObject* b = frame_object_for(prev);
    return b ? newref(static_cast<Object*>(b)) : nullptr;
}
static Object* frame_f_trace(Object* o) {
    auto* fo = static_cast<FrameObject*>(o);
    return fo->f_trace ? newref(fo->f_trace) : none();
}
static Object* frame_clear_meth(Object* self, Object* const*, size_t, Object*) {
    Frame* f = FF(self);
    if (f->owner == FRAME_OWNED_BY_GENERATOR) {
        GenObject* gen = gen_from_frame(f);
        if (gen->gi_frame_state == FRAME_EXECUTING) return raise(&RuntimeError_Type, "cannot clear an executing frame");
        Object* r = gen_close_impl(gen);
        if (!r) return nullptr;
        decref(r);
        return none();
    }
    if (f->owner == FRAME_OWNED_BY_THREAD) return raise(&RuntimeError_Type, "cannot clear an executing frame");
    frame_tp_clear(self);
    return none();
}

void init_frame_type() {
    Type* t = &Frame_Type;
    t->tp_name = "frame";
    t->tp_basicsize = sizeof(FrameObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = frame_dealloc;
    t->tp_traverse = frame_traverse;
    t->tp_clear = frame_tp_clear;
    t->tp_repr = frame_repr;
    t->tp_getset = {{"f_lineno", frame_f_lineno}, {"f_lasti", frame_f_lasti},   {"f_code", frame_f_code},
                    {"f_globals", frame_f_globals}, {"f_builtins", frame_f_builtins}, {"f_locals", frame_f_locals},
                    {"f_back", frame_f_back},     {"f_trace", frame_f_trace}};
    t->tp_methods = {{"clear", frame_clear_meth}};
}

}  // namespace ys::vm
