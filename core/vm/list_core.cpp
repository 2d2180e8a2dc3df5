// list core: storage, dealloc order, repr (with the [...] recursion guard), comparison,
// indexing, slicing, slice assignment, iteration. Methods beyond append live in
// list_methods.cpp (built-ins engineer).
#include <algorithm>
#include <unordered_set>

#include "vm/runtime.h"

namespace ys::vm {

Type List_Type, ListIter_Type;

Object* new_list(intptr_t size) {
    ListObject* l = alloc<ListObject>(&List_Type);
    if (!l) return nullptr;
    new (&l->items) std::vector<Object*>(static_cast<size_t>(size), nullptr);
    gc_track(l);
    return l;
}

int list_append(Object* list, Object* item) {
    list_items(list).push_back(newref(item));
    return 0;
}

static void list_dealloc(Object* o) {
    gc_untrack(o);
    auto& v = list_items(o);
    // list_dealloc drops items from the last to the first.
    for (size_t i = v.size(); i-- > 0;) xdecref(v[i]);
    v.~vector();
    free_object(o);
}

static int list_traverse(Object* o, VisitFn visit, void* arg) {
    for (Object* x : list_items(o))
        if (x) {
            int r = visit(x, arg);
            if (r) return r;
        }
    return 0;
}

static int list_clear_slot(Object* o) {
    std::vector<Object*> old;
    old.swap(list_items(o));
    for (size_t i = old.size(); i-- > 0;) xdecref(old[i]);
    return 0;
}

// Py_ReprEnter / Py_ReprLeave: containers that contain themselves print [...].
static thread_local std::unordered_set<Object*> t_repr_active;
bool repr_enter(Object* o) { return !t_repr_active.insert(o).second; }
void repr_leave(Object* o) { t_repr_active.erase(o); }

std::string seq_repr(Object* const* items, intptr_t n, const char* open, const char* close, bool tuple1,
                     bool* ok) {
    std::string s = open;
    for (intptr_t i = 0; i < n; i++) {
        if (i) s += ", ";
        std::string r = repr_string(items[i], ok);
        if (!*ok) return {};
        s += r;
    }
    if (tuple1 && n == 1) s += ",";
    s += close;
    return s;
}

static Object* list_repr(Object* o) {
    if (list_items(o).empty()) return new_str("[]");
    if (repr_enter(o)) return new_str("[...]");
    bool ok = true;
    // Copy: a repr may mutate the list.
    std::vector<Object*> items = list_items(o);
    for (Object* x : items) incref(x);
    std::string s = seq_repr(items.data(), static_cast<intptr_t>(items.size()), "[", "]", false, &ok);
    for (Object* x : items) decref(x);
    repr_leave(o);
    if (!ok) return nullptr;
    return new_str(s);
}

Object* seq_richcompare(Object* const* a, intptr_t na, Object* const* b, intptr_t nb, int op);
static Object* list_richcompare(Object* a, Object* b, int op) {
    if (!is_list(a) || !is_list(b)) return newref(YS_NotImplemented);
    std::vector<Object*> x = list_items(a), y = list_items(b);
    return seq_richcompare(x.data(), static_cast<intptr_t>(x.size()), y.data(),
                           static_cast<intptr_t>(y.size()), op);
}

static intptr_t list_len(Object* o) { return static_cast<intptr_t>(list_items(o).size()); }

static Object* list_subscript(Object* o, Object* key) {
    auto& v = list_items(o);
    intptr_t n = static_cast<intptr_t>(v.size());
    if (isinstance(key, &Slice_Type)) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, n, &start, &stop, &step, &len) < 0) return nullptr;
        Object* r = new_list(len);
        if (!r) return nullptr;
        for (intptr_t i = 0, p = start; i < len; i++, p += step) list_items(r)[static_cast<size_t>(i)] = newref(v[static_cast<size_t>(p)]);
        return r;
    }
    bool ok;
    int64_t i = as_subscript_index(key, &ok);
    if (!ok) {
        // An index that failed to convert keeps its own error (IndexError past 64 bits).
        if (is_int(key) || key->ob_type->nb_index) return nullptr;
        err_clear();
        return raise_format(&TypeError_Type, "list indices must be integers or slices, not %s", type_name(key));
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(&IndexError_Type, "list index out of range");
    return newref(v[static_cast<size_t>(i)]);
}

static int list_ass_subscript(Object* o, Object* key, Object* value) {
    auto& v = list_items(o);
    intptr_t n = static_cast<intptr_t>(v.size());
    if (isinstance(key, &Slice_Type)) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, n, &start, &stop, &step, &len) < 0) return -1;
        std::vector<Object*> removed;
        if (step == 1) {
            if (stop < start) stop = start;
            Object* seq = nullptr;
            if (value) {
                seq = sequence_to_list(value);
                if (!seq) return -1;
            }
            removed.assign(v.begin() + start, v.begin() + stop);
            v.erase(v.begin() + start, v.begin() + stop);
            if (seq) {
                auto& nv = list_items(seq);
                for (Object* x : nv) incref(x);
                v.insert(v.begin() + start, nv.begin(), nv.end());
                decref(seq);
            }
            // list_ass_slice releases the replaced items last to first.
            std::reverse(removed.begin(), removed.end());
        } else {
            if (value) {
                Object* seq = sequence_to_list(value);
                if (!seq) return -1;
                auto& nv = list_items(seq);
                if (static_cast<intptr_t>(nv.size()) != len) {
                    raise_format(&ValueError_Type, "attempt to assign sequence of size %zd to extended slice of size %zd",
                                 nv.size(), len);
                    decref(seq);
                    return -1;
                }
                for (intptr_t i = 0, p = start; i < len; i++, p += step) {
                    removed.push_back(v[static_cast<size_t>(p)]);
                    v[static_cast<size_t>(p)] = newref(nv[static_cast<size_t>(i)]);
                }
                decref(seq);
            } else {
                std::vector<bool> del(v.size(), false);
                for (intptr_t i = 0, p = start; i < len; i++, p += step) del[static_cast<size_t>(p)] = true;
                std::vector<Object*> kept;
                for (size_t i = 0; i < v.size(); i++) (del[i] ? removed : kept).push_back(v[i]);
                v.swap(kept);
            }
        }
        for (Object* x : removed) decref(x);
        return 0;
    }
    bool ok;
    int64_t i = as_subscript_index(key, &ok);
    if (!ok) {
        // An index that failed to convert keeps its own error (IndexError past 64 bits).
        if (is_int(key) || key->ob_type->nb_index) return -1;
        err_clear();
        raise_format(&TypeError_Type, "list indices must be integers or slices, not %s", type_name(key));
        return -1;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        raise(&IndexError_Type, value ? "list assignment index out of range" : "list assignment index out of range");
        return -1;
    }
    if (value) {
        setref(&v[static_cast<size_t>(i)], newref(value));
    } else {
        Object* old = v[static_cast<size_t>(i)];
        v.erase(v.begin() + i);
        decref(old);
    }
    return 0;
}

static int list_contains(Object* o, Object* item) {
    auto& v = list_items(o);
    for (size_t i = 0; i < v.size(); i++) {
        Object* x = newref(v[i]);
        int r = rich_compare_bool(x, item, 2);
        decref(x);
        if (r) return r;
    }
    return 0;
}

static Object* list_concat(Object* a, Object* b) {
    if (!is_list(a) || !is_list(b)) return newref(YS_NotImplemented);
    Object* r = new_list(0);
    if (!r) return nullptr;
    for (Object* x : list_items(a)) list_append(r, x);
    for (Object* x : list_items(b)) list_append(r, x);
    return r;
}

static Object* list_inplace_concat(Object* a, Object* b) {
    if (!is_list(a)) return newref(YS_NotImplemented);
    Object* seq = sequence_to_list(b);
    if (!seq) return nullptr;
    for (Object* x : list_items(seq)) list_append(a, x);
    decref(seq);
    return newref(a);
}

static Object* list_repeat(Object* a, Object* b) {
    if (!is_list(a)) std::swap(a, b);
    if (!is_list(a) || !is_int(b)) return newref(YS_NotImplemented);
    int64_t count;
    if (!repeat_count(b, &count)) return nullptr;
    Object* r = new_list(0);
    if (!r) return nullptr;
    for (int64_t k = 0; k < count; k++)
        for (Object* x : list_items(a)) list_append(r, x);
    return r;
}

static int list_bool(Object* o) { return !list_items(o).empty(); }

struct ListIterObject : Object {
    intptr_t index;
    Object* seq;
};
static void listiter_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<ListIterObject*>(o)->seq);
    free_object(o);
}
static int listiter_traverse(Object* o, VisitFn visit, void* arg) {
    Object* s = static_cast<ListIterObject*>(o)->seq;
    return s ? visit(s, arg) : 0;
}
static Object* listiter_next(Object* o) {
    ListIterObject* it = static_cast<ListIterObject*>(o);
    if (!it->seq) return nullptr;
    auto& v = list_items(it->seq);
    if (it->index < static_cast<intptr_t>(v.size())) return newref(v[static_cast<size_t>(it->index++)]);
    clearref(&it->seq);
    return nullptr;
}
static Object* self_iter(Object* o) { return newref(o); }
static Object* list_iter(Object* o) {
    ListIterObject* it = alloc<ListIterObject>(&ListIter_Type);
    if (!it) return nullptr;
    it->seq = newref(o);
    gc_track(it);
    return it;
}

static Object* list_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list", kwnames) || !check_nargs("list", nargs, 0, 1)) return nullptr;
    if (type == &List_Type) {
        if (nargs == 0) return new_list(0);
        return sequence_to_list(args[0]);
    }
    ListObject* l = alloc<ListObject>(type, type->tp_basicsize);
    if (!l) return nullptr;
    new (&l->items) std::vector<Object*>();
    gc_track(l);
    if (nargs) {
        Object* seq = sequence_to_list(args[0]);
        if (!seq) { decref(l); return nullptr; }
        for (Object* x : list_items(seq)) list_append(l, x);
        decref(seq);
    }
    return l;
}

static Object* list_append_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("append", kwnames) || !check_nargs("append", nargs, 1, 1)) return nullptr;
    list_append(self, args[0]);
    return none();
}

void init_list_type() {
    Type* t = &List_Type;
    t->tp_name = "list";
    t->tp_basicsize = sizeof(ListObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC | TPF_LIST_SUBCLASS;
    t->tp_base = &Object_Type;
    t->tp_dealloc = list_dealloc;
    t->tp_traverse = list_traverse;
    t->tp_clear = list_clear_slot;
    t->tp_repr = list_repr;
    t->tp_richcompare = list_richcompare;
    t->tp_iter = list_iter;
    t->tp_new = list_new;
    t->nb_binary[0] = list_concat;
    t->nb_binary[5] = list_repeat;
    t->nb_inplace[0] = list_inplace_concat;
    t->nb_bool = list_bool;
    t->mp_length = list_len;
    t->mp_subscript = list_subscript;
    t->mp_ass_subscript = list_ass_subscript;
    t->sq_contains = list_contains;
    t->tp_methods.push_back({"append", list_append_meth});

    Type* it = &ListIter_Type;
    it->tp_name = "list_iterator";
    it->tp_basicsize = sizeof(ListIterObject);
    it->tp_flags = TPF_HAVE_GC;
    it->tp_base = &Object_Type;
    it->tp_dealloc = listiter_dealloc;
    it->tp_traverse = listiter_traverse;
    it->tp_iter = self_iter;
    it->tp_iternext = listiter_next;
}

}  // namespace ys::vm
