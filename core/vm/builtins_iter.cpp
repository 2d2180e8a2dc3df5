// Iteration built-ins: the lazy iterator types enumerate, zip, map, filter, reversed
// and list_reverseiterator (GC-tracked, so cycles through them are collected), and
// sorted / any / all with the stable sort that list.sort shares.
#include <algorithm>

#include "vm/builtins_util.h"

namespace ys::vm {

Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found);  // class.cpp

Type Enumerate_Type, Zip_Type, Map_Type, Filter_Type, Reversed_Type, ListRevIter_Type;

// Rejects every keyword but the allowed ones with CPython's "invalid keyword" text.
static bool only_kwargs(Object* kwnames, const char* fname, std::initializer_list<const char*> allowed) {
    if (!kwnames) return true;
    for (intptr_t i = 0; i < tuple_size(kwnames); i++) {
        const std::string& k = str_value(tuple_items(kwnames)[i]);
        bool ok = false;
        for (const char* a : allowed) ok = ok || k == a;
        if (!ok) {
            raise_format(&TypeError_Type, "'%s' is an invalid keyword argument for %s()", k.c_str(), fname);
            return false;
        }
    }
    return true;
}

// ---- stable sort shared with list.sort
int sort_objects(std::vector<Object*>& items, Object* key, bool reverse) {
    size_t n = items.size();
    std::vector<Object*> keys;
    if (key) {
        keys.reserve(n);
        for (Object* x : items) {
            Object* k = call1(key, x);
            if (!k) {
                for (Object* y : keys) decref(y);
                return -1;
            }
            keys.push_back(k);
        }
    }
    // Sort indices so keys and items move together; reverse first and last to keep
    // equal elements in their original order, as CPython's list.sort(reverse=True).
    std::vector<size_t> idx(n);
    for (size_t i = 0; i < n; i++) idx[i] = reverse ? n - 1 - i : i;
    bool failed = false;
    auto lt = [&](size_t a, size_t b) {
        if (failed) return false;
        Object* x = key ? keys[a] : items[a];
        Object* y = key ? keys[b] : items[b];
        int r = rich_compare_bool(x, y, 0);
        if (r < 0) {
            failed = true;
            return false;
        }
        return r == 1;
    };
    std::stable_sort(idx.begin(), idx.end(), lt);
    for (Object* k : keys) decref(k);
    if (failed) return -1;
    if (reverse) std::reverse(idx.begin(), idx.end());
    std::vector<Object*> sorted(n);
    for (size_t i = 0; i < n; i++) sorted[i] = items[idx[i]];
    items.swap(sorted);
    return 0;
}

// Parses sort()'s keyword-only arguments (shared by sorted and list.sort).
bool parse_sort_kwargs(Object* const* args, size_t nargs, Object* kwnames, Object** key, bool* reverse) {
    if (!only_kwargs(kwnames, "sort", {"key", "reverse"})) return false;
    *key = find_kwarg(args, nargs, kwnames, "key");
    if (*key == YS_None) *key = nullptr;
    *reverse = false;
    if (Object* r = find_kwarg(args, nargs, kwnames, "reverse")) {
        bool ok;
        int64_t v = as_index(r, &ok);
        if (!ok) return false;
        *reverse = v != 0;
    }
    return true;
}

static Object* builtin_sorted(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs != 1) return raise_format(&TypeError_Type, "sorted expected 1 argument, got %zu", nargs);
    Object* key;
    bool reverse;
    if (!parse_sort_kwargs(args, nargs, kwnames, &key, &reverse)) return nullptr;
    Object* list = sequence_to_list(args[0]);
    if (!list) return nullptr;
    if (sort_objects(list_items(list), key, reverse) < 0) {
        decref(list);
        return nullptr;
    }
    return list;
}

static Object* any_all(Object* const* args, size_t nargs, Object* kwnames, const char* name, bool want) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
    Object* it = get_iter(args[0]);
    if (!it) return nullptr;
    while (Object* x = iter_next(it)) {
        int t = object_is_true(x);
        decref(x);
        if (t < 0) break;
        if ((t == 1) == want) {
            decref(it);
            return new_bool(want);
        }
    }
    decref(it);
    if (err_occurred()) return nullptr;
    return new_bool(!want);
}
static Object* builtin_any(Object*, Object* const* a, size_t n, Object* k) { return any_all(a, n, k, "any", true); }
static Object* builtin_all(Object*, Object* const* a, size_t n, Object* k) { return any_all(a, n, k, "all", false); }

// ---- enumerate
struct EnumerateObject : Object {
    Object* it;
    int64_t index;
};
static Object* enumerate_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!only_kwargs(kwnames, "enumerate", {"iterable", "start"})) return nullptr;
    if (nargs > 2) return raise_format(&TypeError_Type, "enumerate() takes at most 2 arguments (%zu given)", nargs);
    Object* iterable = nargs > 0 ? args[0] : find_kwarg(args, nargs, kwnames, "iterable");
    Object* start = nargs > 1 ? args[1] : find_kwarg(args, nargs, kwnames, "start");
    if (!iterable) return raise(&TypeError_Type, "enumerate() missing required argument 'iterable'");
    int64_t s = 0;
    if (start) {
        bool ok;
        s = as_index(start, &ok);
        if (!ok) return nullptr;
    }
    Object* it = get_iter(iterable);
    if (!it) return nullptr;
    auto* e = alloc<EnumerateObject>(type, type->tp_basicsize);
    if (!e) {
        decref(it);
        return nullptr;
    }
    e->it = it;
    e->index = s;
    gc_track(e);
    return e;
}
static Object* enumerate_next(Object* o) {
    auto* e = static_cast<EnumerateObject*>(o);
    Object* x = iter_next(e->it);
    if (!x) return nullptr;
    Object* i = new_int(e->index++);
    Object* r = i ? tuple_pack({i, x}) : nullptr;
    xdecref(i);
    decref(x);
    return r;
}

// ---- zip
struct ZipObject : Object {
    Object* iters;  // tuple of iterators
};
static Object* zip_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!only_kwargs(kwnames, "zip", {"strict"})) return nullptr;
    Object* iters = new_tuple(static_cast<intptr_t>(nargs));
    if (!iters) return nullptr;
    for (size_t i = 0; i < nargs; i++) tuple_items(iters)[i] = nullptr;
    for (size_t i = 0; i < nargs; i++) {
        Object* it = get_iter(args[i]);
        if (!it) {
            decref(iters);
            return nullptr;
        }
        tuple_items(iters)[i] = it;
    }
    auto* z = alloc<ZipObject>(type, type->tp_basicsize);
    if (!z) {
        decref(iters);
        return nullptr;
    }
    z->iters = iters;
    gc_track(z);
    return z;
}
static Object* zip_next(Object* o) {
    auto* z = static_cast<ZipObject*>(o);
    intptr_t n = tuple_size(z->iters);
    if (n == 0) return nullptr;
    Object* r = new_tuple(n);
    if (!r) return nullptr;
    for (intptr_t i = 0; i < n; i++) tuple_items(r)[i] = nullptr;
    for (intptr_t i = 0; i < n; i++) {
        Object* x = iter_next(tuple_items(z->iters)[i]);
        if (!x) {
            decref(r);
            return nullptr;
        }
        tuple_items(r)[i] = x;
    }
    return r;
}

// ---- map
struct MapObject : Object {
    Object* func;
    Object* iters;  // tuple
};
static Object* map_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("map", kwnames)) return nullptr;
    if (nargs < 2) return raise(&TypeError_Type, "map() must have at least two arguments.");
    Object* iters = new_tuple(static_cast<intptr_t>(nargs - 1));
    if (!iters) return nullptr;
    for (size_t i = 1; i < nargs; i++) tuple_items(iters)[i - 1] = nullptr;
    for (size_t i = 1; i < nargs; i++) {
        Object* it = get_iter(args[i]);
        if (!it) {
            decref(iters);
            return nullptr;
        }
        tuple_items(iters)[i - 1] = it;
    }
    auto* m = alloc<MapObject>(type, type->tp_basicsize);
    if (!m) {
        decref(iters);
        return nullptr;
    }
    m->func = newref(args[0]);
    m->iters = iters;
    gc_track(m);
    return m;
}
static Object* map_next(Object* o) {
    auto* m = static_cast<MapObject*>(o);
    intptr_t n = tuple_size(m->iters);
    std::vector<Object*> items;
    items.reserve(static_cast<size_t>(n));
    for (intptr_t i = 0; i < n; i++) {
        Object* x = iter_next(tuple_items(m->iters)[i]);
        if (!x) {
            for (Object* y : items) decref(y);
            return nullptr;
        }
        items.push_back(x);
    }
    Object* r = call(m->func, items.data(), items.size());
    for (Object* y : items) decref(y);
    return r;
}

// ---- filter
struct FilterObject : Object {
    Object* func;  // None = truth test
    Object* it;
};
static Object* filter_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("filter", kwnames) || !check_nargs("filter", nargs, 2, 2)) return nullptr;
    Object* it = get_iter(args[1]);
    if (!it) return nullptr;
    auto* f = alloc<FilterObject>(type, type->tp_basicsize);
    if (!f) {
        decref(it);
        return nullptr;
    }
    f->func = newref(args[0]);
    f->it = it;
    gc_track(f);
    return f;
}
static Object* filter_next(Object* o) {
    auto* f = static_cast<FilterObject*>(o);
    while (Object* x = iter_next(f->it)) {
        int t;
        if (f->func == YS_None || f->func == static_cast<Object*>(&Bool_Type)) {
            t = object_is_true(x);
        } else {
            Object* r = call1(f->func, x);
            t = r ? object_is_true(r) : -1;
            xdecref(r);
        }
        if (t > 0) return x;
        decref(x);
        if (t < 0) return nullptr;
    }
    return nullptr;
}

// ---- reversed: __reversed__, then the sequence protocol (len + getitem)
struct ReversedObject : Object {
    Object* seq;  // null once exhausted
    intptr_t index;
};
static Object* list_reversed(Object* list) {
    auto* r = alloc<ReversedObject>(&ListRevIter_Type);
    if (!r) return nullptr;
    r->seq = newref(list);
    r->index = static_cast<intptr_t>(list_items(list).size()) - 1;
    gc_track(r);
    return r;
}
static Object* listreviter_next(Object* o) {
    auto* r = static_cast<ReversedObject*>(o);
    if (!r->seq) return nullptr;
    auto& v = list_items(r->seq);
    if (r->index >= 0 && r->index < static_cast<intptr_t>(v.size())) return newref(v[static_cast<size_t>(r->index--)]);
    clearref(&r->seq);
    return nullptr;
}

static Object* reversed_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("reversed", kwnames)) return nullptr;
    if (nargs != 1) return raise_format(&TypeError_Type, "reversed expected 1 argument, got %zu", nargs);
    Object* seq = args[0];
    if (seq->ob_type == &List_Type) return list_reversed(seq);
    if (seq->ob_type == &Range_Type) {
        // range_reverse: iterate range(last, first - step, -step).
        intptr_t n = object_length(seq);
        if (n < 0) return nullptr;
        Object* st = get_attr_str(seq, "start");
        Object* sp = get_attr_str(seq, "step");
        if (!st || !sp) {
            xdecref(st);
            xdecref(sp);
            return nullptr;
        }
        int64_t start = int_value(st), step = int_value(sp);
        decref(st);
        decref(sp);
        Object* a = new_int(start + (n - 1) * step);
        Object* b = new_int(start - step);
        Object* c = new_int(-step);
        Object* targs[3] = {a, b, c};
        Object* rev = n == 0 ? call(&Range_Type, targs + 1, 1) : call(&Range_Type, targs, 3);
        decref(a);
        decref(b);
        decref(c);
        if (!rev) return nullptr;
        Object* it = get_iter(rev);
        decref(rev);
        return it;
    }
    if (is_dict(seq)) {
        Object* keys = sequence_to_list(seq);
        if (!keys) return nullptr;
        Object* r = list_reversed(keys);
        decref(keys);
        return r;
    }
    if (Object* f = type_lookup(seq->ob_type, intern("__reversed__"))) {
        if (f == YS_None) return raise_format(&TypeError_Type, "'%s' object is not reversible", type_name(seq));
        bool found;
        return call_special(seq, intern("__reversed__"), nullptr, 0, &found);
    }
    if (!seq->ob_type->mp_subscript || !seq->ob_type->mp_length || is_dict(seq) || is_set(seq))
        return raise_format(&TypeError_Type, "'%s' object is not reversible", type_name(seq));
    intptr_t n = object_length(seq);
    if (n < 0) return nullptr;
    auto* r = alloc<ReversedObject>(type, type->tp_basicsize);
    if (!r) return nullptr;
    r->seq = newref(seq);
    r->index = n - 1;
    gc_track(r);
    return r;
}
static Object* reversed_next(Object* o) {
    auto* r = static_cast<ReversedObject*>(o);
    if (!r->seq) return nullptr;
    if (r->index >= 0) {
        Object* i = new_int(r->index);
        Object* x = get_item(r->seq, i);
        decref(i);
        if (x) {
            r->index--;
            return x;
        }
        if (!err_matches(&IndexError_Type) && !err_matches(&StopIteration_Type)) return nullptr;
        err_clear();
    }
    clearref(&r->seq);
    return nullptr;
}

// ---- shared type plumbing: dealloc drops the fields in CPython's order, traverse
// visits them.
static void drop_fields(Object* a, Object* b) {
    xdecref(a);
    xdecref(b);
}
static int visit_fields(Object* a, Object* b, VisitFn visit, void* arg) {
    if (a && visit(a, arg)) return 1;
    return b && visit(b, arg) ? 1 : 0;
}
static void enumerate_dealloc(Object* o) {
    gc_untrack(o);
    drop_fields(static_cast<EnumerateObject*>(o)->it, nullptr);
    free_object(o);
}
static int enumerate_traverse(Object* o, VisitFn v, void* a) {
    return visit_fields(static_cast<EnumerateObject*>(o)->it, nullptr, v, a);
}
static void zip_dealloc(Object* o) {
    gc_untrack(o);
    drop_fields(static_cast<ZipObject*>(o)->iters, nullptr);
    free_object(o);
}
static int zip_traverse(Object* o, VisitFn v, void* a) { return visit_fields(static_cast<ZipObject*>(o)->iters, nullptr, v, a); }
static void map_dealloc(Object* o) {  // map_dealloc: iters, then func
    gc_untrack(o);
    auto* m = static_cast<MapObject*>(o);
    drop_fields(m->iters, m->func);
    free_object(o);
}
static int map_traverse(Object* o, VisitFn v, void* a) {
    auto* m = static_cast<MapObject*>(o);
    return visit_fields(m->iters, m->func, v, a);
}
static void filter_dealloc(Object* o) {  // filter_dealloc: func, then it
    gc_untrack(o);
    auto* f = static_cast<FilterObject*>(o);
    drop_fields(f->func, f->it);
    free_object(o);
}
static int filter_traverse(Object* o, VisitFn v, void* a) {
    auto* f = static_cast<FilterObject*>(o);
    return visit_fields(f->func, f->it, v, a);
}
static void reversed_dealloc(Object* o) {
    gc_untrack(o);
    drop_fields(static_cast<ReversedObject*>(o)->seq, nullptr);
    free_object(o);
}
static int reversed_traverse(Object* o, VisitFn v, void* a) {
    return visit_fields(static_cast<ReversedObject*>(o)->seq, nullptr, v, a);
}

// __iter__ / __next__ as methods, for code that calls them by name (iterators made
// by the built-ins layer; the core's own types get theirs from the core).
static Object* iter_dunder(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__iter__", kwnames) || !check_nargs("__iter__", nargs, 0, 0)) return nullptr;
    return newref(self);
}
static Object* next_dunder(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__next__", kwnames) || !check_nargs("__next__", nargs, 0, 0)) return nullptr;
    Object* r = self->ob_type->tp_iternext(self);
    if (!r && !err_occurred()) raise_object(&StopIteration_Type, nullptr);
    return r;
}
void add_iter_dunders(Type* t) {
    t->tp_methods.push_back({"__iter__", iter_dunder});
    t->tp_methods.push_back({"__next__", next_dunder});
}

static void fill_iter_type(Type* t, const char* name, size_t size, DeallocFn d, TraverseFn tr, UnaryFn next,
                           NewFn tp_new) {
    t->tp_name = name;
    t->tp_basicsize = size;
    t->tp_flags = tp_new ? TPF_HAVE_GC | TPF_BASETYPE : TPF_HAVE_GC;
    t->tp_dealloc = d;
    t->tp_traverse = tr;
    t->tp_iter = iter_self;
    t->tp_iternext = next;
    t->tp_new = tp_new;
    add_iter_dunders(t);
    type_ready(t);
}

void init_iter_types() {
    fill_iter_type(&Enumerate_Type, "enumerate", sizeof(EnumerateObject), enumerate_dealloc, enumerate_traverse,
                   enumerate_next, enumerate_new);
    fill_iter_type(&Zip_Type, "zip", sizeof(ZipObject), zip_dealloc, zip_traverse, zip_next, zip_new);
    fill_iter_type(&Map_Type, "map", sizeof(MapObject), map_dealloc, map_traverse, map_next, map_new);
    fill_iter_type(&Filter_Type, "filter", sizeof(FilterObject), filter_dealloc, filter_traverse, filter_next,
                   filter_new);
    fill_iter_type(&Reversed_Type, "reversed", sizeof(ReversedObject), reversed_dealloc, reversed_traverse,
                   reversed_next, reversed_new);
    fill_iter_type(&ListRevIter_Type, "list_reverseiterator", sizeof(ReversedObject), reversed_dealloc,
                   reversed_traverse, listreviter_next, nullptr);
}

static const MethodDef kIterFunctions[] = {
    {"sorted", builtin_sorted},
    {"any", builtin_any},
    {"all", builtin_all},
};

int add_iter_functions(Object* module) {
    for (const MethodDef& def : kIterFunctions)
        if (add_function(module, &def) < 0) return -1;
    if (add_object(module, "enumerate", &Enumerate_Type) < 0 || add_object(module, "zip", &Zip_Type) < 0 ||
        add_object(module, "map", &Map_Type) < 0 || add_object(module, "filter", &Filter_Type) < 0 ||
        add_object(module, "reversed", &Reversed_Type) < 0)
        return -1;
    return 0;
}

// list.__reversed__ for callers that look the method up (reversed() special-cases list).
Object* list_reversed_iter(Object* list) { return list_reversed(list); }

}  // namespace ys::vm
