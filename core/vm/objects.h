// Layouts and constructors of the built-in value types (int, float, str, tuple, list,
// dict, set, bool/None singletons, slices, cells), and the abstract object API the
// eval loop and the built-ins share (PyObject_Repr, PyObject_GetAttr, PyNumber_*,
// PyObject_RichCompare, PyIter_Next, ...). All functions follow CPython's error
// convention: null / -1 means an exception is set on the runtime.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/object.h"

namespace ys::fmt {
class BigInt;
}

namespace ys::vm {

// ---------------------------------------------------------------------------------
// Static built-in types (defined next to their implementation).
extern Type Type_Type, Object_Type, None_Type, NotImplemented_Type, Ellipsis_Type;
extern Type Int_Type, Bool_Type, Float_Type, Str_Type, Tuple_Type, List_Type, Dict_Type,
    Set_Type, FrozenSet_Type, Slice_Type, Range_Type, Cell_Type;
extern Type Function_Type, Method_Type, BuiltinFunction_Type, Code_Type, Frame_Type,
    Generator_Type, Traceback_Type, Module_Type, Property_Type, StaticMethod_Type,
    ClassMethod_Type, Super_Type, MethodDescr_Type, GetSetDescr_Type;

// Singletons (immortal statics, like CPython's).
extern Object None_Object, NotImplemented_Object, Ellipsis_Object;
#define YS_None (&::ys::vm::None_Object)
#define YS_NotImplemented (&::ys::vm::NotImplemented_Object)
inline Object* none() { return newref(YS_None); }

// ---------------------------------------------------------------------------------
// int: arbitrary precision like CPython's, stored as a plain int64 while the value
// fits (the fast path everything takes) and as a BigInt past that. Small ints
// -5..256 are cached like CPython's so `is` and sys.getrefcount agree. bool is an int
// subtype with two instances.
struct IntObject : Object {
    int64_t value;      // the value, when it fits in 64 bits
    fmt::BigInt* big;   // otherwise (then `value` is 0); owned
};
extern IntObject True_Object, False_Object;
#define YS_True (&::ys::vm::True_Object)
#define YS_False (&::ys::vm::False_Object)
Object* new_int(int64_t v);  // new reference
inline Object* new_bool(bool b) { return newref(b ? static_cast<Object*>(YS_True) : YS_False); }
inline bool is_int(Object* o) { return has_flag(o, TPF_INT_SUBCLASS); }
// Precondition: !int_is_big(o). Code that may meet any int uses int_as_int64/as_index.
inline int64_t int_value(Object* o) { return static_cast<IntObject*>(o)->value; }
inline bool int_is_big(Object* o) { return static_cast<IntObject*>(o)->big != nullptr; }
Object* new_int_from_big(const fmt::BigInt& v);  // new reference; a plain int when it fits
fmt::BigInt int_to_big(Object* o);               // any int, as a BigInt
// The value of an int as int64, or false with OverflowError("Python int too large to
// convert to C <ctype>") set, as PyLong_AsLong and friends do.
bool int_as_int64(Object* o, int64_t* out, const char* ctype = "long");
// The count of a sequence repetition (seq * n); false with OverflowError for an n past
// 64 bits, whatever its sign, as CPython cannot fit it in an index either.
bool repeat_count(Object* n, int64_t* out);
// int -> double, or false with OverflowError "int too large to convert to float".
bool int_as_double(Object* o, double* out);
// Converts an index-like object (int, bool, __index__) to int64; -1 + error on failure
// (check err_occurred()).
int64_t as_index(Object* o, bool* ok);
// A sequence subscript: as as_index, but an index past 64 bits is IndexError "cannot
// fit 'int' into an index-sized integer" (CPython's PyNumber_AsSsize_t(key, IndexError)).
int64_t as_subscript_index(Object* key, bool* ok);
// A slice bound: past 64 bits it clamps to the int64 range, as _PyEval_SliceIndex does.
int64_t as_slice_bound(Object* o, bool* ok);

struct FloatObject : Object {
    double value;
};
Object* new_float(double v);
inline bool is_float(Object* o) { return isinstance(o, &Float_Type); }
inline double float_value(Object* o) { return static_cast<FloatObject*>(o)->value; }
// float repr: shortest round-trip (repr(0.1) == '0.1'), CPython's rules for exponents.
std::string float_repr(double v);

// ---------------------------------------------------------------------------------
// str: UTF-8 bytes plus the code-point length (indexing works on code points). Hash is
// CPython's (siphash13 over the canonical 1/2/4-byte kind, key from PYTHONHASHSEED=0),
// so sets and dicts of str iterate in CPython's order.
struct StrObject : Object {
    std::string value;
    intptr_t hash;      // -1 = not computed yet
    intptr_t length;    // number of code points
    bool ascii;
    bool interned;
};
Object* new_str(std::string_view utf8);      // new reference
Object* intern(std::string_view utf8);        // borrowed: an immortal interned str
inline bool is_str(Object* o) { return has_flag(o, TPF_STR_SUBCLASS); }
inline const std::string& str_value(Object* o) { return static_cast<StrObject*>(o)->value; }
intptr_t str_hash(Object* s);
bool str_equal(Object* a, Object* b);         // both str

// ---------------------------------------------------------------------------------
// tuple: items stored inline after the header (tuple_items()).
struct TupleObject : Object {
    intptr_t size;
    intptr_t hash_cache;  // unused (CPython 3.11 doesn't cache), kept for alignment
};
inline Object** tuple_items(Object* t) { return reinterpret_cast<Object**>(static_cast<TupleObject*>(t) + 1); }
inline intptr_t tuple_size(Object* t) { return static_cast<TupleObject*>(t)->size; }
Object* new_tuple(intptr_t size);             // items null; fill with stolen refs
Object* tuple_pack(std::initializer_list<Object*> items);  // increfs the items
Object* tuple_from(Object* const* items, intptr_t n);      // increfs the items
inline bool is_tuple(Object* o) { return has_flag(o, TPF_TUPLE_SUBCLASS); }
extern Object* g_empty_tuple;                 // the () singleton

// list: a std::vector of strong references.
struct ListObject : Object {
    std::vector<Object*> items;
};
Object* new_list(intptr_t size = 0);          // size null slots; fill with stolen refs
int list_append(Object* list, Object* item);  // increfs item
inline bool is_list(Object* o) { return has_flag(o, TPF_LIST_SUBCLASS); }
inline std::vector<Object*>& list_items(Object* l) { return static_cast<ListObject*>(l)->items; }

// dict: CPython's compact ordered dict (entries in insertion order + an index table).
struct DictEntry {
    intptr_t hash;
    Object* key;    // null = deleted entry
    Object* value;
};
struct DictObject : Object {
    std::vector<DictEntry> entries;
    std::vector<int32_t> indices;  // -1 empty, -2 dummy, else entry index
    intptr_t used;
    bool managed;  // an instance's __dict__ not yet exposed: CPython 3.11 keeps these
                   // values inline in the object, so the collector neither tracks nor counts it
};
Object* new_dict();
Object* new_managed_dict();
void dict_unmanage(Object* d);  // obj.__dict__ was requested: a real, tracked dict
// Borrowed result; null without error = missing; null with error = hash/eq failed.
Object* dict_get(Object* d, Object* key);
Object* dict_get_str(Object* d, Object* key_str);  // fast path for str keys (no error)
Object* dict_get_cstr(Object* d, std::string_view key);
int dict_set(Object* d, Object* key, Object* value);  // increfs both; -1 on error
int dict_set_cstr(Object* d, std::string_view key, Object* value);
int dict_del(Object* d, Object* key);  // -1 + KeyError when missing
// Iteration: `pos` starts at 0; returns false at the end. Borrowed key/value.
bool dict_next(Object* d, intptr_t* pos, Object** key, Object** value);
inline bool is_dict(Object* o) { return has_flag(o, TPF_DICT_SUBCLASS); }
inline intptr_t dict_size(Object* d) { return static_cast<DictObject*>(d)->used; }

// set / frozenset: CPython's open-addressing table (linear probes + perturbation), so
// iteration order is CPython's.
struct SetEntry {
    Object* key;   // null = empty, g_set_dummy = deleted
    intptr_t hash;
};
struct SetObject : Object {
    intptr_t fill;
    intptr_t used;
    intptr_t mask;
    intptr_t finger;
    intptr_t hash;  // frozenset hash cache
    SetEntry* table;
    SetEntry smalltable[8];
};
Object* new_set(Type* type = &Set_Type);
int set_add(Object* s, Object* key);
int set_contains(Object* s, Object* key);  // -1 error, 0/1
int set_discard(Object* s, Object* key);   // -1 error, 0 missing, 1 removed
bool set_next(Object* s, intptr_t* pos, Object** key);
inline bool is_set(Object* o) { return isinstance(o, &Set_Type) || isinstance(o, &FrozenSet_Type); }

struct SliceObject : Object {
    Object* start;
    Object* stop;
    Object* step;
};
Object* new_slice(Object* start, Object* stop, Object* step);  // increfs
// PySlice_Unpack + AdjustIndices: 0 ok, -1 error; fills start/stop/step/length.
int slice_indices(Object* slice, intptr_t length, intptr_t* start, intptr_t* stop,
                  intptr_t* step, intptr_t* slicelength);

struct CellObject : Object {
    Object* ob_ref;  // null = empty
};
Object* new_cell(Object* value);  // increfs value (may be null)

// ---------------------------------------------------------------------------------
// Abstract object API (abstract.cpp): what the eval loop and built-ins call.
Object* object_repr(Object* o);
Object* object_str(Object* o);
std::string repr_string(Object* o, bool* ok = nullptr);  // helper: repr as std::string
intptr_t object_hash(Object* o);
Object* rich_compare(Object* a, Object* b, int op);      // op: CmpOp
int rich_compare_bool(Object* a, Object* b, int op);     // -1 error; identity shortcut for EQ/NE
int object_is_true(Object* o);                           // -1 error
Object* get_attr(Object* o, Object* name);               // name: str
Object* get_attr_str(Object* o, std::string_view name);
// Like get_attr but a missing attribute returns null *without* an exception.
Object* lookup_attr(Object* o, Object* name, bool* error);
int set_attr(Object* o, Object* name, Object* value);    // value null = delete
Object* generic_getattr(Object* o, Object* name);        // PyObject_GenericGetAttr
int generic_setattr(Object* o, Object* name, Object* value);
Object* type_lookup(Type* t, Object* name);              // _PyType_Lookup (borrowed, no error)
Object* call(Object* callable, Object* const* args, size_t nargs, Object* kwnames = nullptr);
Object* call0(Object* callable);
Object* call1(Object* callable, Object* arg);
Object* call_method(Object* self, std::string_view name, Object* const* args, size_t nargs);
Object* get_iter(Object* o);
// Next item: new reference; null + no error = exhausted; null + error = failure.
Object* iter_next(Object* it);
Object* binary_op(Object* a, Object* b, int nb_op);      // BINARY_OP's argument (0..25)
Object* unary_negative(Object* o);
Object* unary_positive(Object* o);
Object* unary_invert(Object* o);
Object* get_item(Object* o, Object* key);
int set_item(Object* o, Object* key, Object* value);     // value null = delete
int contains(Object* container, Object* item);           // -1 error
intptr_t object_length(Object* o);                       // -1 error
bool callable_check(Object* o);
int isinstance_check(Object* inst, Object* cls);         // isinstance() semantics
int issubclass_check(Object* derived, Object* cls);
Object* sequence_to_list(Object* iterable);              // list(iterable)
Object* sequence_to_tuple(Object* iterable);
const char* type_name(Object* o);                        // o's type's __name__

}  // namespace ys::vm
