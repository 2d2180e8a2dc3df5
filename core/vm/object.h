// The object header, the type struct with its slots, and the one choke point through
// which every allocation, incref, decref and deallocation goes (CPython's Py_INCREF /
// Py_DECREF / PyObject_GC_New, and clox's reallocate()). With no trace sink attached,
// the only cost tracing adds is one predictable branch on a thread-local null pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ys::trace {
class TraceSink;
}

namespace ys::vm {

struct Type;
struct Object;
struct StrObject;
struct TupleObject;
struct DictObject;

// ---------------------------------------------------------------------------------
// Object header: PyObject plus a trace id (0 = not traced / inline in the trace).
struct Object {
    intptr_t ob_refcnt;
    Type* ob_type;
    uint64_t ob_trace_id;
};

// Objects of types with TPF_HAVE_GC carry this header *before* the Object, like
// CPython's PyGC_Head: the generation lists of the cycle collector, and gc_refs used
// during a collection.
struct GcHead {
    GcHead* gc_next;
    GcHead* gc_prev;
    intptr_t gc_refs;
    uint32_t gc_flags;  // GC_TRACKED, GC_FINALIZED, GC_COLLECTING, GC_UNREACHABLE
    int32_t gc_gen;
};
enum GcFlags : uint32_t {
    GC_TRACKED = 1,
    GC_FINALIZED = 2,    // tp_finalize already ran (PEP 442: at most once)
    GC_COLLECTING = 4,
    GC_UNREACHABLE = 8,
    GC_IMMORTAL = 16,    // created before any runtime (type dicts, interned names)
};
inline GcHead* as_gc(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* from_gc(GcHead* g) { return reinterpret_cast<Object*>(g + 1); }

// ---------------------------------------------------------------------------------
// Slot signatures. Functions that can fail return nullptr (or -1) with the exception
// set on the runtime (see runtime.h: raise / err_*), exactly CPython's convention.
//
// Calls use ONE convention everywhere (CPython's vectorcall): positional arguments
// args[0..nargs), then the keyword arguments' values, named by kwnames (a tuple of
// str, or nullptr when there are none). Arguments are borrowed.
using CallFn = Object* (*)(Object* callable, Object* const* args, size_t nargs, Object* kwnames);
using NewFn = Object* (*)(Type* type, Object* const* args, size_t nargs, Object* kwnames);
using InitFn = int (*)(Object* self, Object* const* args, size_t nargs, Object* kwnames);
using UnaryFn = Object* (*)(Object*);
using BinaryFn = Object* (*)(Object*, Object*);
using TernaryFn = Object* (*)(Object*, Object*, Object*);
using InquiryFn = int (*)(Object*);            // -1 error, else 0/1
using LenFn = intptr_t (*)(Object*);           // -1 error
using HashFn = intptr_t (*)(Object*);          // -1 error
using RichCmpFn = Object* (*)(Object*, Object*, int op);  // op: CmpOp value
using GetAttrFn = Object* (*)(Object*, Object* name);     // name is a str
using SetAttrFn = int (*)(Object*, Object* name, Object* value);  // value null = delete
using DescrGetFn = Object* (*)(Object* descr, Object* obj, Object* type);
using DescrSetFn = int (*)(Object* descr, Object* obj, Object* value);
using ObjObjArgFn = int (*)(Object*, Object*, Object*);  // mp_ass_subscript (value null = del)
using ObjObjFn = int (*)(Object*, Object*);               // sq_contains
using VisitFn = int (*)(Object*, void* arg);
using TraverseFn = int (*)(Object*, VisitFn, void* arg);
using DeallocFn = void (*)(Object*);
using ClearFn = int (*)(Object*);
using FinalizeFn = void (*)(Object*);
// Reports an object's fields to the trace sink (REPORTING.md); optional.
using TraceFieldsFn = void (*)(Object*, trace::TraceSink*);

// Native function/method table entry (PyMethodDef with the vectorcall convention).
// For methods `self` is the bound object; for module functions it is the module.
using NativeFn = Object* (*)(Object* self, Object* const* args, size_t nargs, Object* kwnames);
enum MethFlags : uint32_t { METH_DEFAULT = 0, METH_CLASS = 1, METH_STATIC = 2 };
struct MethodDef {
    const char* name;
    NativeFn fn;
    uint32_t flags = METH_DEFAULT;
};
// Computed attribute (PyGetSetDef). setter null = read-only attribute.
struct GetSetDef {
    const char* name;
    Object* (*get)(Object* self);
    int (*set)(Object* self, Object* value) = nullptr;  // value null = delete
};

enum TypeFlags : uint32_t {
    TPF_HEAPTYPE = 1u << 0,       // a class statement made it
    TPF_BASETYPE = 1u << 1,       // may be subclassed
    TPF_HAVE_GC = 1u << 2,        // a container: GcHead in front, tp_traverse/tp_clear
    TPF_READY = 1u << 3,
    // Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS.
    TPF_INT_SUBCLASS = 1u << 8,
    TPF_LIST_SUBCLASS = 1u << 9,
    TPF_TUPLE_SUBCLASS = 1u << 10,
    TPF_STR_SUBCLASS = 1u << 11,
    TPF_DICT_SUBCLASS = 1u << 12,
    TPF_BASE_EXC_SUBCLASS = 1u << 13,
    TPF_TYPE_SUBCLASS = 1u << 14,
};

// The type struct: PyTypeObject reduced to what the subset needs. Built-in types are
// static `Type` objects filled in by their init function (see types.cpp); classes are
// heap types made by type_new (class.cpp) whose slots dispatch to the dunders.
struct Type : Object {
    std::string tp_name;           // "int", "generator", "MyClass"
    std::string tp_qualname;
    Type* tp_base = nullptr;
    TupleObject* tp_mro = nullptr;  // strong; (self, base, ..., object)
    DictObject* tp_dict = nullptr;  // strong; methods, descriptors, class attributes
    Object* tp_module = nullptr;    // str or null (heap types: __module__)
    size_t tp_basicsize = sizeof(Object);
    intptr_t tp_dictoffset = 0;     // instance __dict__ slot, 0 = none
    intptr_t tp_weaklistoffset = 0; // weakref list slot, 0 = not weakly referenceable
    uint32_t tp_flags = 0;
    // Which Type carries the C layout (the nearest static base): instances of heap
    // types are laid out as tp_solid's struct + __dict__ + weaklist.
    Type* tp_solid = nullptr;

    DeallocFn tp_dealloc = nullptr;
    UnaryFn tp_repr = nullptr;
    UnaryFn tp_str = nullptr;
    HashFn tp_hash = nullptr;
    RichCmpFn tp_richcompare = nullptr;
    UnaryFn tp_iter = nullptr;
    UnaryFn tp_iternext = nullptr;  // null result without an exception set = exhausted
    CallFn tp_call = nullptr;
    GetAttrFn tp_getattro = nullptr;
    SetAttrFn tp_setattro = nullptr;
    DescrGetFn tp_descr_get = nullptr;
    DescrSetFn tp_descr_set = nullptr;
    NewFn tp_new = nullptr;
    InitFn tp_init = nullptr;
    TraverseFn tp_traverse = nullptr;
    ClearFn tp_clear = nullptr;
    FinalizeFn tp_finalize = nullptr;
    TraceFieldsFn tp_trace_fields = nullptr;

    // Number protocol. nb_binary is indexed by BINARY_OP's argument (NbOp 0..12); the
    // in-place forms 13..25 live in nb_inplace[arg - 13]; null = not supported.
    BinaryFn nb_binary[13] = {};
    BinaryFn nb_inplace[13] = {};
    UnaryFn nb_negative = nullptr;
    UnaryFn nb_positive = nullptr;
    UnaryFn nb_invert = nullptr;
    UnaryFn nb_absolute = nullptr;
    InquiryFn nb_bool = nullptr;
    UnaryFn nb_index = nullptr;
    UnaryFn nb_int = nullptr;
    UnaryFn nb_float = nullptr;
    // Sequence / mapping protocol.
    LenFn mp_length = nullptr;
    BinaryFn mp_subscript = nullptr;
    ObjObjArgFn mp_ass_subscript = nullptr;
    ObjObjFn sq_contains = nullptr;

    // Used once, when the type is readied, to fill tp_dict.
    std::vector<MethodDef> tp_methods;
    std::vector<GetSetDef> tp_getset;
    const char* tp_doc = nullptr;
};

// ---------------------------------------------------------------------------------
// The choke point. Everything below is defined in memory.cpp except the inline fast
// paths. `t_sink` is the attached trace sink of the runtime running on this thread.
extern constinit thread_local trace::TraceSink* t_sink;

void trace_refcount_slow(Object* o);  // reports a refcount change (only with a sink)
[[gnu::noinline]] void dealloc_object(Object* o);  // refcount reached zero

inline void incref(Object* o) {
    ++o->ob_refcnt;
    if (t_sink) [[unlikely]] trace_refcount_slow(o);
}
inline void xincref(Object* o) {
    if (o) incref(o);
}
inline void decref(Object* o) {
    if (--o->ob_refcnt == 0) {
        dealloc_object(o);
    } else if (t_sink) [[unlikely]] {
        trace_refcount_slow(o);
    }
}
inline void xdecref(Object* o) {
    if (o) decref(o);
}
// Returns `o` with a new reference (Py_NewRef).
template <class T>
inline T* newref(T* o) {
    incref(o);
    return o;
}
// Replaces *slot by `value` (a new reference), dropping the old one afterwards, in
// CPython's Py_XSETREF order (the slot is valid again before the old value can die).
inline void setref(Object** slot, Object* value) {
    Object* old = *slot;
    *slot = value;
    xdecref(old);
}
inline void clearref(Object** slot) {  // Py_CLEAR
    Object* old = *slot;
    if (old) {
        *slot = nullptr;
        decref(old);
    }
}

// Allocates `size` bytes for an object of `type` (GcHead in front for TPF_HAVE_GC
// types), zeroed, with refcount 1 and the type incref'd for heap types. Counts the
// bytes against max_memory (returns null with MemoryError set past the cap) and
// counts GC allocations toward automatic collection. The caller constructs C++
// members with placement new and calls gc_track() once the object is consistent.
Object* alloc_object(Type* type, size_t size);
// Frees the memory of an object whose tp_dealloc has finished (PyObject_GC_Del).
void free_object(Object* o);
// Reports creation to the sink (assigning the trace id); alloc_object calls it, types
// whose fields are filled later may call trace_fields() when they are ready.
void trace_created(Object* o);
void trace_fields(Object* o);

void gc_track(Object* o);
void gc_untrack(Object* o);
// PyObject_IS_GC: a container with a GcHead. Static types have none (CPython's
// type_is_gc), so they are never visited by the collector.
bool is_gc(Object* o);
inline bool gc_is_tracked(Object* o) { return is_gc(o) && (as_gc(o)->gc_flags & GC_TRACKED) != 0; }

template <class T>
inline T* alloc(Type* type, size_t size = sizeof(T)) {
    return static_cast<T*>(alloc_object(type, size));
}

// Type tests.
inline Type* type_of(Object* o) { return o->ob_type; }
bool is_subtype(Type* a, Type* b);  // walks the MRO
inline bool isinstance_exact(Object* o, Type* t) { return o->ob_type == t; }
inline bool isinstance(Object* o, Type* t) { return o->ob_type == t || is_subtype(o->ob_type, t); }
inline bool has_flag(Object* o, uint32_t f) { return (o->ob_type->tp_flags & f) != 0; }

// Instance dict / weaklist slots (null pointer when the type has none).
Object** instance_dict_ptr(Object* o);
Object** weaklist_ptr(Object* o);

}  // namespace ys::vm
