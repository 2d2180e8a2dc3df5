// The choke point: allocation, deallocation and refcount reporting for every object.
#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/genobject.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

constinit thread_local trace::TraceSink* t_sink = nullptr;
constinit thread_local Runtime* t_rt = nullptr;
bool g_gc_clearing = false;

static bool is_inline_in_trace(Object* o) {
    // int, float, bool, None, str appear inline (REPORTING.md).
    Type* t = o->ob_type;
    return t == &Int_Type || t == &Bool_Type || t == &Float_Type || t == &Str_Type ||
           t == &None_Type || t == &NotImplemented_Type || t == &Ellipsis_Type;
}

void trace_created(Object* o) {
    trace::TraceSink* sink = t_sink;
    if (!sink || o->ob_trace_id || is_inline_in_trace(o) || !t_rt) return;
    o->ob_trace_id = t_rt->next_trace_id++;
    sink->on_object_created(o->ob_trace_id, o->ob_type->tp_name, o->ob_refcnt);
    trace_mark_dirty(o);  // its fields are reported at the next event boundary
    if (o->ob_refcnt >= (1 << 29)) trace_remember_static(o);
}

void trace_fields(Object* o) {
    trace::TraceSink* sink = t_sink;
    if (!sink) return;
    if (!o->ob_trace_id) trace_created(o);
    if (o->ob_trace_id && o->ob_type->tp_trace_fields) o->ob_type->tp_trace_fields(o, sink);
}

// A refcount change is the hint that an object may have been mutated: its fields are
// re-read at the next event. Not for the kinds whose fields change only in ways that
// say so exactly (a dict's stores mark it dirty, a module's namespace is its dict) or
// not after creation (tuples, code, functions, built-in functions): re-reading
// `builtins` at every call of `len` would cost more than the program. Generators,
// coroutines and async generators stay on it: their state moves (FRAME_EXECUTING, a
// frame leaving the caller's chain) at places that report no event of their own.
static bool refcount_means_dirty(Object* o) {
    Type* t = o->ob_type;
    if (is_gen_like(o)) return true;
    return !t->tp_trace_fields && t != &Dict_Type && t != &Module_Type && t != &Tuple_Type &&
           t != &BuiltinFunction_Type;
}

void trace_refcount_slow(Object* o) {
    if (o->ob_trace_id) {
        t_sink->on_refcount(o->ob_trace_id, o->ob_refcnt);
        if (refcount_means_dirty(o)) trace_mark_dirty(o);
    }
}

Object* alloc_object(Type* type, size_t size) {
    Runtime* r = t_rt;
    bool gc = (type->tp_flags & TPF_HAVE_GC) != 0;
    size_t total = size + (gc ? sizeof(GcHead) : 0);
    if (r && r->max_memory && r->memory_bytes + static_cast<int64_t>(total) > r->max_memory) {
        return raise_no_memory();
    }
    if (gc && r) gc_on_alloc();  // may run an automatic collection, like _PyObject_GC_Link
    void* mem = std::calloc(1, total);
    if (!mem) return raise_no_memory();
    if (r) r->memory_bytes += static_cast<int64_t>(malloc_usable_size(mem));
    Object* o;
    if (gc) {
        GcHead* g = static_cast<GcHead*>(mem);
        if (!r) g->gc_flags = GC_IMMORTAL;
        o = from_gc(g);
    } else {
        o = static_cast<Object*>(mem);
    }
    // Objects made before any runtime (type dicts, descriptors) are immortal.
    o->ob_refcnt = r ? 1 : (1 << 30);
    o->ob_type = type;
    if (type->tp_flags & TPF_HEAPTYPE) incref(type);
    if (t_sink) [[unlikely]] trace_created(o);
    return o;
}

void free_object(Object* o) {
    Runtime* r = t_rt;
    if (o->ob_trace_id && t_sink) {
        trace_forget(o);
        t_sink->on_object_freed(o->ob_trace_id);
        object_address_released(o);
    }
    void* mem = o;
    if (o->ob_type->tp_flags & TPF_HAVE_GC) {
        GcHead* g = as_gc(o);
        if (g->gc_flags & GC_IMMORTAL) return;  // never freed
        mem = g;
        if (r) gc_on_free();
    }
    if (r) r->memory_bytes -= static_cast<int64_t>(malloc_usable_size(mem));
    std::free(mem);
}

// Whether the dealloc of `o` is a step of its own in the trace (REPORTING.md, "What is
// a step"): what a teacher steps through — a generator, coroutine or async generator,
// a frame object, an object with a finalizer (__del__), anything the collector frees.
// Every other dealloc (an int-list cell, a tuple, an iterator) is only a heap change
// (refcount 0, object freed) inside the current step.
static bool dealloc_is_step(Object* o) {
    if (g_gc_clearing) return true;
    Type* t = o->ob_type;
    return t->tp_finalize || t == &Frame_Type || is_gen_like(o);
}

void dealloc_object(Object* o) {
    if (t_sink) [[unlikely]] {
        if (o->ob_trace_id) {
            trace_forget(o);
            t_sink->on_refcount(o->ob_trace_id, 0);
            if (dealloc_is_step(o)) {
                trace::Event ev;
                ev.kind = trace::EventKind::Dealloc;
                ev.subject = o->ob_trace_id;
                ev.detail = static_cast<uint8_t>(t_rt && t_rt->finalizing ? trace::DeallocCause::Shutdown
                                                 : g_gc_clearing ? trace::DeallocCause::CycleCollector
                                                                 : trace::DeallocCause::RefcountZero);
                if (t_rt && t_rt->current_frame) {
                    Frame* f = t_rt->current_frame;
                    ev.line = f->lineno();
                    ev.lasti = f->lasti_bytes();
                }
                t_sink->on_event(ev);
            }
        }
    }
    Type* t = o->ob_type;
    t->tp_dealloc(o);
}

bool is_subtype(Type* a, Type* b) {
    if (a == b) return true;
    if (a->tp_mro) {
        Object** items = tuple_items(a->tp_mro);
        intptr_t n = tuple_size(a->tp_mro);
        for (intptr_t i = 0; i < n; i++)
            if (items[i] == b) return true;
        return false;
    }
    for (Type* t = a->tp_base; t; t = t->tp_base)
        if (t == b) return true;
    return false;
}

Object** instance_dict_ptr(Object* o) {
    intptr_t off = o->ob_type->tp_dictoffset;
    if (!off) return nullptr;
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}

Object** weaklist_ptr(Object* o) {
    intptr_t off = o->ob_type->tp_weaklistoffset;
    if (!off) return nullptr;
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}

void Runtime::write_out(std::string_view s, int stream) {
    if (sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::Output;
        ev.text = std::string(s);
        ev.detail = static_cast<uint8_t>(stream);
        sink->on_event(ev);
    }
    std::string& buf = stream ? err_buf : out_buf;
    buf.append(s);
    if (buf.size() > (1u << 16)) flush();
}

void Runtime::flush() {
    if (!out_buf.empty()) {
        out->write(out_buf.data(), static_cast<std::streamsize>(out_buf.size()));
        out->flush();
        out_buf.clear();
    }
    if (!err_buf.empty()) {
        err->write(err_buf.data(), static_cast<std::streamsize>(err_buf.size()));
        err->flush();
        err_buf.clear();
    }
}

}  // namespace ys::vm
