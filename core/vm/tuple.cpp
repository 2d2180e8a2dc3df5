// tuple: inline items, CPython's hash (xxHash-based, 3.8+), repr, comparison, slicing.
#include "vm/runtime.h"

namespace ys::vm {

Type Tuple_Type, TupleIter_Type;
Object* g_empty_tuple = nullptr;

Object* new_tuple(intptr_t size) {
    if (size == 0 && g_empty_tuple) return newref(g_empty_tuple);
    TupleObject* t = alloc<TupleObject>(&Tuple_Type, sizeof(TupleObject) + sizeof(Object*) * static_cast<size_t>(size));
    if (!t) return nullptr;
    t->size = size;
    if (size && t_rt) gc_track(t);
    return t;
}

Object* tuple_pack(std::initializer_list<Object*> items) {
    Object* t = new_tuple(static_cast<intptr_t>(items.size()));
    if (!t) return nullptr;
    intptr_t i = 0;
    for (Object* o : items) tuple_items(t)[i++] = newref(o);
    return t;
}

Object* tuple_from(Object* const* items, intptr_t n) {
    Object* t = new_tuple(n);
    if (!t) return nullptr;
    for (intptr_t i = 0; i < n; i++) tuple_items(t)[i] = newref(items[i]);
    return t;
}

static void tuple_dealloc(Object* o) {
    if (o->ob_type->tp_flags & TPF_HAVE_GC) gc_untrack(o);
    intptr_t n = tuple_size(o);
    // CPython's tupledealloc drops items from the last to the first.
    for (intptr_t i = n - 1; i >= 0; i--) xdecref(tuple_items(o)[i]);
    free_object(o);
}

static int tuple_traverse(Object* o, VisitFn visit, void* arg) {
    for (intptr_t i = 0; i < tuple_size(o); i++) {
        Object* x = tuple_items(o)[i];
        if (x) {
            int r = visit(x, arg);
            if (r) return r;
        }
    }
    return 0;
}

std::string seq_repr(Object* const* items, intptr_t n, const char* open, const char* close, bool tuple1,
                     bool* ok);

static Object* tuple_repr(Object* o) {
    bool ok = true;
    std::string s = seq_repr(tuple_items(o), tuple_size(o), "(", ")", true, &ok);
    if (!ok) return nullptr;
    return new_str(s);
}

static intptr_t tuple_hash(Object* o) {
    // 3.11 tuplehash: xxHash64-style.
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    intptr_t n = tuple_size(o);
    for (intptr_t i = 0; i < n; i++) {
        intptr_t h = object_hash(tuple_items(o)[i]);
        if (h == -1) return -1;
        acc += static_cast<uint64_t>(h) * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += static_cast<uint64_t>(n) ^ (P5 ^ 3527539UL);
    if (acc == static_cast<uint64_t>(-1)) return 1546275796;
    return static_cast<intptr_t>(acc);
}

Object* seq_richcompare(Object* const* a, intptr_t na, Object* const* b, intptr_t nb, int op) {
    intptr_t i = 0;
    for (; i < na && i < nb; i++) {
        int k = rich_compare_bool(a[i], b[i], 2);
        if (k < 0) return nullptr;
        if (!k) break;
    }
    if (i >= na || i >= nb) {
        bool r = false;
        switch (op) {
            case 0: r = na < nb; break;
            case 1: r = na <= nb; break;
            case 2: r = na == nb; break;
            case 3: r = na != nb; break;
            case 4: r = na > nb; break;
            case 5: r = na >= nb; break;
        }
        return new_bool(r);
    }
    if (op == 2) return new_bool(false);
    if (op == 3) return new_bool(true);
    return rich_compare(a[i], b[i], op);
}

static Object* tuple_richcompare(Object* a, Object* b, int op) {
    if (!is_tuple(a) || !is_tuple(b)) return newref(YS_NotImplemented);
    return seq_richcompare(tuple_items(a), tuple_size(a), tuple_items(b), tuple_size(b), op);
}

static intptr_t tuple_len(Object* o) { return tuple_size(o); }

static Object* tuple_subscript(Object* o, Object* key) {
    intptr_t n = tuple_size(o);
    if (isinstance(key, &Slice_Type)) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, n, &start, &stop, &step, &len) < 0) return nullptr;
        if (step == 1 && len == n && o->ob_type == &Tuple_Type) return newref(o);
        Object* r = new_tuple(len);
        if (!r) return nullptr;
        for (intptr_t i = 0, p = start; i < len; i++, p += step) tuple_items(r)[i] = newref(tuple_items(o)[p]);
        return r;
    }
    bool ok;
    int64_t i = as_subscript_index(key, &ok);
    if (!ok) {
        // An index that failed to convert keeps its own error (IndexError past 64 bits).
        if (is_int(key) || key->ob_type->nb_index) return nullptr;
        err_clear();
        return raise_format(&TypeError_Type, "tuple indices must be integers or slices, not %s", type_name(key));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(&IndexError_Type, "tuple index out of range");
    return newref(tuple_items(o)[i]);
}

static int tuple_contains(Object* o, Object* item) {
    for (intptr_t i = 0; i < tuple_size(o); i++) {
        int r = rich_compare_bool(tuple_items(o)[i], item, 2);
        if (r) return r;
    }
    return 0;
}

static Object* tuple_concat(Object* a, Object* b) {
    if (!is_tuple(a) || !is_tuple(b)) return newref(YS_NotImplemented);
    intptr_t na = tuple_size(a), nb = tuple_size(b);
    Object* r = new_tuple(na + nb);
    if (!r) return nullptr;
    for (intptr_t i = 0; i < na; i++) tuple_items(r)[i] = newref(tuple_items(a)[i]);
    for (intptr_t i = 0; i < nb; i++) tuple_items(r)[na + i] = newref(tuple_items(b)[i]);
    return r;
}

static Object* tuple_repeat(Object* a, Object* b) {
    if (!is_tuple(a)) std::swap(a, b);
    if (!is_tuple(a) || !is_int(b)) return newref(YS_NotImplemented);
    int64_t count;
    if (!repeat_count(b, &count)) return nullptr;
    intptr_t n = tuple_size(a), k = std::max<int64_t>(0, count);
    Object* r = new_tuple(n * k);
    if (!r) return nullptr;
    for (intptr_t j = 0; j < k; j++)
        for (intptr_t i = 0; i < n; i++) tuple_items(r)[j * n + i] = newref(tuple_items(a)[i]);
    return r;
}

static int tuple_bool(Object* o) { return tuple_size(o) != 0; }

struct SeqIterObject : Object {
    intptr_t index;
    Object* seq;
};
static void seqiter_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<SeqIterObject*>(o)->seq);
    free_object(o);
}
static int seqiter_traverse(Object* o, VisitFn visit, void* arg) {
    Object* s = static_cast<SeqIterObject*>(o)->seq;
    return s ? visit(s, arg) : 0;
}
static Object* tupleiter_next(Object* o) {
    SeqIterObject* it = static_cast<SeqIterObject*>(o);
    if (!it->seq) return nullptr;
    if (it->index < tuple_size(it->seq)) return newref(tuple_items(it->seq)[it->index++]);
    clearref(&it->seq);
    return nullptr;
}
static Object* self_iter(Object* o) { return newref(o); }
static Object* tuple_iter(Object* o) {
    SeqIterObject* it = alloc<SeqIterObject>(&TupleIter_Type);
    if (!it) return nullptr;
    it->seq = newref(o);
    gc_track(it);
    return it;
}

static Object* tuple_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("tuple", kwnames) || !check_nargs("tuple", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return new_tuple(0);
    return sequence_to_tuple(args[0]);
}

void init_tuple_type() {
    Type* t = &Tuple_Type;
    t->tp_name = "tuple";
    t->tp_basicsize = sizeof(TupleObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC | TPF_TUPLE_SUBCLASS;
    t->tp_base = &Object_Type;
    t->tp_dealloc = tuple_dealloc;
    t->tp_traverse = tuple_traverse;
    t->tp_repr = tuple_repr;
    t->tp_hash = tuple_hash;
    t->tp_richcompare = tuple_richcompare;
    t->tp_iter = tuple_iter;
    t->tp_new = tuple_new;
    t->nb_binary[0] = tuple_concat;
    t->nb_binary[5] = tuple_repeat;
    t->nb_bool = tuple_bool;
    t->mp_length = tuple_len;
    t->mp_subscript = tuple_subscript;
    t->sq_contains = tuple_contains;

    Type* it = &TupleIter_Type;
    it->tp_name = "tuple_iterator";
    it->tp_basicsize = sizeof(SeqIterObject);
    it->tp_flags = TPF_HAVE_GC;
    it->tp_base = &Object_Type;
    it->tp_dealloc = seqiter_dealloc;
    it->tp_traverse = seqiter_traverse;
    it->tp_iter = self_iter;
    it->tp_iternext = tupleiter_next;

    // Built before any runtime exists, so alloc_object marks it immortal.
    g_empty_tuple = alloc_object(&Tuple_Type, sizeof(TupleObject));
    g_empty_tuple->ob_refcnt = 1 << 30;
}

}  // namespace ys::vm
