// dict core: CPython's compact ordered layout (entries in insertion order + an index
// table with perturbed probing), lookup, insert, delete, repr, iteration. Views and
// methods (keys/items/values/get/pop/...) live in dict_methods.cpp.
#include "vm/gc.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Dict_Type, DictKeyIter_Type;
bool repr_enter(Object* o);
void repr_leave(Object* o);

static DictObject* D(Object* o) { return static_cast<DictObject*>(o); }

Object* new_dict() {
    DictObject* d = alloc<DictObject>(&Dict_Type);
    if (!d) return nullptr;
    new (&d->entries) std::vector<DictEntry>();
    new (&d->indices) std::vector<int32_t>();
    // Like CPython, a new dict is untracked until it holds something trackable.
    return d;
}

Object* new_managed_dict() {
    Object* d = new_dict();
    if (d) {
        static_cast<DictObject*>(d)->managed = true;
        // CPython allocates no dict for inline instance values: undo the gen0 count.
        if (t_rt && t_rt->gc && t_rt->gc->generations[0].count > 0) t_rt->gc->generations[0].count--;
    }
    return d;
}

static bool may_be_tracked(Object* o) {
    return is_gc(o) && (o->ob_type != &Tuple_Type || gc_is_tracked(o));
}

void dict_unmanage(Object* o) {
    DictObject* d = D(o);
    if (!d->managed) return;
    d->managed = false;
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(o, &pos, &k, &v))
        if (may_be_tracked(k) || may_be_tracked(v)) {
            gc_track(o);
            break;
        }
}

static void rebuild_indices(DictObject* d, size_t min_size) {
    // Compact the entries (dropping deleted ones) and rebuild the index table.
    std::vector<DictEntry> live;
    live.reserve(static_cast<size_t>(d->used));
    for (auto& e : d->entries)
        if (e.key) live.push_back(e);
    d->entries.swap(live);
    size_t size = 8;
    while (size < min_size * 3 / 2 + 1) size <<= 1;
    d->indices.assign(size, -1);
    size_t mask = size - 1;
    for (size_t i = 0; i < d->entries.size(); i++) {
        size_t perturb = static_cast<size_t>(d->entries[i].hash);
        size_t j = perturb & mask;
        while (d->indices[j] != -1) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        d->indices[j] = static_cast<int32_t>(i);
    }
}

// Finds the slot for key: returns the entry index or -1; *slot = index-table position
// for an insert. -2 = error.
static intptr_t lookup(DictObject* d, Object* key, intptr_t hash, size_t* slot) {
    if (d->indices.empty()) {
        *slot = 0;
        return -1;
    }
    size_t mask = d->indices.size() - 1;
    size_t perturb = static_cast<size_t>(hash);
    size_t j = perturb & mask;
    intptr_t free_slot = -1;
    for (;;) {
        int32_t ix = d->indices[j];
        if (ix == -1) {
            *slot = free_slot >= 0 ? static_cast<size_t>(free_slot) : j;
            return -1;
        }
        if (ix == -2) {
            if (free_slot < 0) free_slot = static_cast<intptr_t>(j);
        } else {
            DictEntry& e = d->entries[static_cast<size_t>(ix)];
            if (e.key == key) return ix;
            if (e.hash == hash) {
                if (is_str(e.key) && is_str(key)) {
                    if (str_equal(e.key, key)) return ix;
                } else {
                    Object* k = newref(e.key);
                    size_t n_before = d->entries.size();
                    int r = rich_compare_bool(k, key, 2);
                    decref(k);
                    if (r < 0) return -2;
                    if (d->entries.size() != n_before) return lookup(d, key, hash, slot);
                    if (r) return ix;
                }
            }
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Object* dict_get(Object* o, Object* key) {
    intptr_t h = object_hash(key);
    if (h == -1) return nullptr;
    size_t slot;
    intptr_t ix = lookup(D(o), key, h, &slot);
    if (ix < 0) return nullptr;
    return D(o)->entries[static_cast<size_t>(ix)].value;
}

Object* dict_get_str(Object* o, Object* key) {
    size_t slot;
    intptr_t ix = lookup(D(o), key, str_hash(key), &slot);
    if (ix < 0) return nullptr;
    return D(o)->entries[static_cast<size_t>(ix)].value;
}

Object* dict_get_cstr(Object* o, std::string_view key) { return dict_get_str(o, intern(key)); }

int dict_set(Object* o, Object* key, Object* value) {
    if (t_sink) [[unlikely]] trace_mark_dirty(o);  // the trace re-reads it at the next event
    DictObject* d = D(o);
    intptr_t h = object_hash(key);
    if (h == -1) return -1;
    size_t slot;
    intptr_t ix = lookup(d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) {
        setref(&d->entries[static_cast<size_t>(ix)].value, newref(value));
        if (!d->managed && t_rt && !gc_is_tracked(d) && may_be_tracked(value)) gc_track(d);
        return 0;
    }
    if (d->indices.empty() || (d->entries.size() + 1) * 3 >= d->indices.size() * 2) {
        rebuild_indices(d, static_cast<size_t>(d->used) + 1);
        lookup(d, key, h, &slot);
    }
    d->indices[slot] = static_cast<int32_t>(d->entries.size());
    d->entries.push_back({h, newref(key), newref(value)});
    d->used++;
    if (!d->managed && t_rt && !gc_is_tracked(d) && (may_be_tracked(key) || may_be_tracked(value))) gc_track(d);
    return 0;
}

int dict_set_cstr(Object* o, std::string_view key, Object* value) { return dict_set(o, intern(key), value); }

int dict_del(Object* o, Object* key) {
    if (t_sink) [[unlikely]] trace_mark_dirty(o);  // the trace re-reads it at the next event
    DictObject* d = D(o);
    intptr_t h = object_hash(key);
    if (h == -1) return -1;
    size_t slot;
    intptr_t ix = lookup(d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) {
        raise_object(&KeyError_Type, key);
        return -1;
    }
    // mark the index slot as dummy
    size_t mask = d->indices.size() - 1;
    size_t perturb = static_cast<size_t>(h);
    size_t j = perturb & mask;
    while (d->indices[j] != ix) {
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
    d->indices[j] = -2;
    DictEntry e = d->entries[static_cast<size_t>(ix)];
    d->entries[static_cast<size_t>(ix)].key = nullptr;
    d->entries[static_cast<size_t>(ix)].value = nullptr;
    d->used--;
    decref(e.key);
    decref(e.value);
    return 0;
}

bool dict_next(Object* o, intptr_t* pos, Object** key, Object** value) {
    DictObject* d = D(o);
    while (*pos < static_cast<intptr_t>(d->entries.size())) {
        DictEntry& e = d->entries[static_cast<size_t>((*pos)++)];
        if (e.key) {
            if (key) *key = e.key;
            if (value) *value = e.value;
            return true;
        }
    }
    return false;
}

static void dict_dealloc(Object* o) {
    gc_untrack(o);
    DictObject* d = D(o);
    if (d->managed && t_rt && t_rt->gc) t_rt->gc->generations[0].count++;  // see new_managed_dict
    std::vector<DictEntry> entries;
    entries.swap(d->entries);
    for (auto& e : entries) {
        xdecref(e.key);
        xdecref(e.value);
    }
    d->entries.~vector();
    d->indices.~vector();
    free_object(o);
}

static int dict_traverse(Object* o, VisitFn visit, void* arg) {
    for (auto& e : D(o)->entries) {
        if (!e.key) continue;
        int r = visit(e.key, arg);
        if (!r && e.value) r = visit(e.value, arg);
        if (r) return r;
    }
    return 0;
}

int dict_clear_all(Object* o) {
    if (t_sink) [[unlikely]] trace_mark_dirty(o);  // the trace re-reads it at the next event
    DictObject* d = D(o);
    std::vector<DictEntry> entries;
    entries.swap(d->entries);
    d->indices.clear();
    d->used = 0;
    for (auto& e : entries) {
        xdecref(e.key);
        xdecref(e.value);
    }
    return 0;
}

static Object* dict_repr(Object* o) {
    DictObject* d = D(o);
    if (d->used == 0) return new_str("{}");
    if (repr_enter(o)) return new_str("{...}");
    std::string s = "{";
    bool first = true, ok = true;
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(o, &pos, &k, &v)) {
        if (!first) s += ", ";
        first = false;
        incref(k);
        incref(v);
        s += repr_string(k, &ok);
        if (ok) {
            s += ": ";
            s += repr_string(v, &ok);
        }
        decref(k);
        decref(v);
        if (!ok) break;
    }
    repr_leave(o);
    if (!ok) return nullptr;
    return new_str(s + "}");
}

static Object* dict_richcompare(Object* a, Object* b, int op) {
    if (!is_dict(a) || !is_dict(b) || (op != 2 && op != 3)) return newref(YS_NotImplemented);
    bool eq = dict_size(a) == dict_size(b);
    intptr_t pos = 0;
    Object *k, *v;
    while (eq && dict_next(a, &pos, &k, &v)) {
        incref(k);
        incref(v);
        Object* w = dict_get(b, k);
        int r = 0;
        if (w) {
            incref(w);
            r = rich_compare_bool(v, w, 2);
            decref(w);
        } else if (err_occurred()) {
            r = -1;
        }
        decref(k);
        decref(v);
        if (r < 0) return nullptr;
        eq = r;
    }
    return new_bool(op == 2 ? eq : !eq);
}

static intptr_t dict_len(Object* o) { return D(o)->used; }

static Object* dict_subscript(Object* o, Object* key) {
    Object* v = dict_get(o, key);
    if (v) return newref(v);
    if (err_occurred()) return nullptr;
    if (o->ob_type != &Dict_Type) {
        // dict subclasses: __missing__
        Object* missing = type_lookup(o->ob_type, intern("__missing__"));
        if (missing) {
            Object* args[2] = {o, key};
            return call(missing, args, 2);
        }
    }
    return raise_object(&KeyError_Type, key);
}

static int dict_ass_subscript(Object* o, Object* key, Object* value) {
    if (value) return dict_set(o, key, value);
    return dict_del(o, key);
}

static int dict_contains(Object* o, Object* key) {
    Object* v = dict_get(o, key);
    if (v) return 1;
    return err_occurred() ? -1 : 0;
}

static int dict_bool(Object* o) { return D(o)->used != 0; }

struct DictIterObject : Object {
    Object* dict;
    intptr_t pos;
    intptr_t used_at_start;
    int kind;  // 0 keys, 1 values, 2 items
};
static void dictiter_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<DictIterObject*>(o)->dict);
    free_object(o);
}
static int dictiter_traverse(Object* o, VisitFn visit, void* arg) {
    Object* d = static_cast<DictIterObject*>(o)->dict;
    return d ? visit(d, arg) : 0;
}
static Object* dictiter_next(Object* o) {
    DictIterObject* it = static_cast<DictIterObject*>(o);
    if (!it->dict) return nullptr;
    if (D(it->dict)->used != it->used_at_start) {
        it->used_at_start = -1;
        return raise(&RuntimeError_Type, "dictionary changed size during iteration");
    }
    Object *k, *v;
    if (!dict_next(it->dict, &it->pos, &k, &v)) {
        clearref(&it->dict);
        return nullptr;
    }
    if (it->kind == 0) return newref(k);
    if (it->kind == 1) return newref(v);
    return tuple_pack({k, v});
}
static Object* self_iter(Object* o) { return newref(o); }
Object* new_dict_iter(Object* dict, int kind) {
    DictIterObject* it = alloc<DictIterObject>(&DictKeyIter_Type);
    if (!it) return nullptr;
    it->dict = newref(dict);
    it->used_at_start = D(dict)->used;
    it->kind = kind;
    gc_track(it);
    return it;
}
static Object* dict_iter(Object* o) { return new_dict_iter(o, 0); }

int dict_merge(Object* a, Object* b) {
    if (is_dict(b)) {
        intptr_t pos = 0;
        Object *k, *v;
        while (dict_next(b, &pos, &k, &v))
            if (dict_set(a, k, v) < 0) return -1;
        return 0;
    }
    Object* keys = call_method(b, "keys", nullptr, 0);
    if (!keys) return -1;
    Object* it = get_iter(keys);
    decref(keys);
    if (!it) return -1;
    while (Object* k = iter_next(it)) {
        Object* v = get_item(b, k);
        int r = v ? dict_set(a, k, v) : -1;
        decref(k);
        xdecref(v);
        if (r < 0) { decref(it); return -1; }
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

static Object* dict_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!check_nargs("dict", nargs, 0, 1)) return nullptr;
    Object* d;
    if (type == &Dict_Type) {
        d = new_dict();
    } else {
        DictObject* o = alloc<DictObject>(type, type->tp_basicsize);
        if (!o) return nullptr;
        new (&o->entries) std::vector<DictEntry>();
        new (&o->indices) std::vector<int32_t>();
        gc_track(o);  // dict subclass instances are always tracked
        d = o;
    }
    if (!d) return nullptr;
    if (nargs == 1) {
        Object* src = args[0];
        Object* keys_attr = is_dict(src) ? nullptr : lookup_attr(src, intern("keys"), nullptr);
        bool mapping = is_dict(src) || keys_attr;
        xdecref(keys_attr);
        if (mapping) {
            if (dict_merge(d, src) < 0) { decref(d); return nullptr; }
        } else {
            Object* it = get_iter(src);
            if (!it) { decref(d); return nullptr; }
            intptr_t idx = 0;
            while (Object* item = iter_next(it)) {
                Object* pair = sequence_to_tuple(item);
                decref(item);
                if (!pair || tuple_size(pair) != 2) {
                    if (pair) {
                        raise_format(&ValueError_Type,
                                     "dictionary update sequence element #%zd has length %zd; 2 is required", idx,
                                     tuple_size(pair));
                        decref(pair);
                    }
                    decref(it);
                    decref(d);
                    return nullptr;
                }
                dict_set(d, tuple_items(pair)[0], tuple_items(pair)[1]);
                decref(pair);
                idx++;
            }
            decref(it);
            if (err_occurred()) { decref(d); return nullptr; }
        }
    }
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++)
            dict_set(d, tuple_items(kwnames)[i], args[nargs + static_cast<size_t>(i)]);
    }
    return d;
}

void init_dict_type() {
    Type* t = &Dict_Type;
    t->tp_name = "dict";
    t->tp_basicsize = sizeof(DictObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC | TPF_DICT_SUBCLASS;
    t->tp_base = &Object_Type;
    t->tp_dealloc = dict_dealloc;
    t->tp_traverse = dict_traverse;
    t->tp_clear = dict_clear_all;
    t->tp_repr = dict_repr;
    t->tp_richcompare = dict_richcompare;
    t->tp_iter = dict_iter;
    t->tp_new = dict_new;
    t->nb_bool = dict_bool;
    t->mp_length = dict_len;
    t->mp_subscript = dict_subscript;
    t->mp_ass_subscript = dict_ass_subscript;
    t->sq_contains = dict_contains;

    Type* it = &DictKeyIter_Type;
    it->tp_name = "dict_keyiterator";
    it->tp_basicsize = sizeof(DictIterObject);
    it->tp_flags = TPF_HAVE_GC;
    it->tp_base = &Object_Type;
    it->tp_dealloc = dictiter_dealloc;
    it->tp_traverse = dictiter_traverse;
    it->tp_iter = self_iter;
    it->tp_iternext = dictiter_next;
}

}  // namespace ys::vm
