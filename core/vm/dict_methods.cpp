// dict methods (get, pop, popitem, setdefault, update, clear, copy, fromkeys) and the
// view objects keys()/values()/items() return: live views with len, iteration,
// membership, CPython's repr (`dict_keys([1, 2])`) and, for keys and items, the
// set operators.
#include "vm/builtins_util.h"

namespace ys::vm {

Object* new_dict_iter(Object* dict, int kind);  // dict_core.cpp: 0 keys, 1 values, 2 items
int dict_clear_all(Object* o);                  // dict_core.cpp
bool repr_enter(Object* o);                     // list_core.cpp
void repr_leave(Object* o);

Type DictKeys_Type, DictValues_Type, DictItems_Type;

// ---- views
struct DictViewObject : Object {
    Object* dict;
};
static Object* new_view(Type* t, Object* dict) {
    auto* v = alloc<DictViewObject>(t);
    if (!v) return nullptr;
    v->dict = newref(dict);
    gc_track(v);
    return v;
}
static void view_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<DictViewObject*>(o)->dict);
    free_object(o);
}
static int view_traverse(Object* o, VisitFn visit, void* arg) {
    Object* d = static_cast<DictViewObject*>(o)->dict;
    return d ? visit(d, arg) : 0;
}
static int view_kind(Object* o) {
    return o->ob_type == &DictKeys_Type ? 0 : o->ob_type == &DictValues_Type ? 1 : 2;
}
static intptr_t view_len(Object* o) { return dict_size(static_cast<DictViewObject*>(o)->dict); }
static Object* view_iter(Object* o) { return new_dict_iter(static_cast<DictViewObject*>(o)->dict, view_kind(o)); }

static Object* view_repr(Object* o) {
    if (repr_enter(o)) return new_str("...");
    Object* list = sequence_to_list(o);
    Object* r = list ? object_repr(list) : nullptr;
    xdecref(list);
    repr_leave(o);
    if (!r) return nullptr;
    std::string s = o->ob_type->tp_name + "(" + str_value(r) + ")";
    decref(r);
    return new_str(s);
}

static int view_contains(Object* o, Object* x) {
    Object* d = static_cast<DictViewObject*>(o)->dict;
    int kind = view_kind(o);
    if (kind == 0) {
        Object* v = dict_get(d, x);
        if (!v && err_occurred()) return -1;
        return v != nullptr;
    }
    if (kind == 2) {
        if (!is_tuple(x) || tuple_size(x) != 2) return 0;
        Object* v = dict_get(d, tuple_items(x)[0]);
        if (!v) return err_occurred() ? -1 : 0;
        incref(v);
        int r = rich_compare_bool(v, tuple_items(x)[1], 2);
        decref(v);
        return r;
    }
    // values: a linear scan, as CPython.
    Object* it = get_iter(o);
    if (!it) return -1;
    int found = 0;
    while (Object* v = iter_next(it)) {
        found = rich_compare_bool(v, x, 2);
        decref(v);
        if (found) break;
    }
    decref(it);
    return err_occurred() ? -1 : found;
}

// Keys and items views behave like sets for comparisons and & | - ^.
static Object* view_as_set(Object* o) {
    Object* s = new_set();
    if (!s) return nullptr;
    Object* it = get_iter(o);
    if (!it) {
        decref(s);
        return nullptr;
    }
    while (Object* x = iter_next(it)) {
        int r = set_add(s, x);
        decref(x);
        if (r < 0) break;
    }
    decref(it);
    if (err_occurred()) {
        decref(s);
        return nullptr;
    }
    return s;
}
static bool set_like(Object* o) {
    return is_set(o) || o->ob_type == &DictKeys_Type || o->ob_type == &DictItems_Type;
}
static Object* view_richcompare(Object* a, Object* b, int op) {
    if (!set_like(a) || !set_like(b)) return newref(YS_NotImplemented);
    Object* x = view_as_set(a);
    Object* y = x ? view_as_set(b) : nullptr;
    Object* r = y ? rich_compare(x, y, op) : nullptr;
    xdecref(x);
    xdecref(y);
    return r;
}
template <int OP>
static Object* view_setop(Object* a, Object* b) {
    // The result is always a set built from the left operand (any iterable).
    Object* x = view_as_set(a);
    if (!x) return nullptr;
    Object* y = is_set(b) ? newref(b) : view_as_set(b);
    if (!y) {
        decref(x);
        return nullptr;
    }
    Object* r = binary_op(x, y, OP);
    decref(x);
    decref(y);
    return r;
}

static Object* dict_keys(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.keys", kwnames) || !check_nargs("dict.keys", nargs, 0, 0)) return nullptr;
    return new_view(&DictKeys_Type, self);
}
static Object* dict_values(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.values", kwnames) || !check_nargs("dict.values", nargs, 0, 0)) return nullptr;
    return new_view(&DictValues_Type, self);
}
static Object* dict_items(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.items", kwnames) || !check_nargs("dict.items", nargs, 0, 0)) return nullptr;
    return new_view(&DictItems_Type, self);
}

// ---- methods
static Object* dict_get_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("get", kwnames) || !check_nargs("get", nargs, 1, 2)) return nullptr;
    Object* v = dict_get(self, args[0]);
    if (v) return newref(v);
    if (err_occurred()) return nullptr;
    return nargs == 2 ? newref(args[1]) : none();
}

static Object* dict_setdefault(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("setdefault", kwnames) || !check_nargs("setdefault", nargs, 1, 2)) return nullptr;
    Object* v = dict_get(self, args[0]);
    if (v) return newref(v);
    if (err_occurred()) return nullptr;
    Object* dflt = nargs == 2 ? args[1] : YS_None;
    if (dict_set(self, args[0], dflt) < 0) return nullptr;
    return newref(dflt);
}

static Object* dict_pop(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("pop", kwnames) || !check_nargs("pop", nargs, 1, 2)) return nullptr;
    Object* v = dict_get(self, args[0]);
    if (!v) {
        if (err_occurred()) return nullptr;
        if (nargs == 2) return newref(args[1]);
        return raise_object(&KeyError_Type, args[0]);
    }
    incref(v);
    if (dict_del(self, args[0]) < 0) {
        decref(v);
        return nullptr;
    }
    return v;
}

static Object* dict_popitem(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.popitem", kwnames) || !check_nargs("dict.popitem", nargs, 0, 0)) return nullptr;
    auto* d = static_cast<DictObject*>(self);
    if (d->used == 0) return raise(&KeyError_Type, "popitem(): dictionary is empty");
    // LIFO: the last live entry in insertion order.
    for (size_t i = d->entries.size(); i-- > 0;) {
        DictEntry& e = d->entries[i];
        if (!e.key) continue;
        Object* pair = tuple_pack({e.key, e.value});
        if (!pair) return nullptr;
        if (dict_del(self, tuple_items(pair)[0]) < 0) {
            decref(pair);
            return nullptr;
        }
        return pair;
    }
    return raise(&KeyError_Type, "popitem(): dictionary is empty");
}

// dict.update's argument: a mapping (has keys()) or an iterable of pairs.
int dict_update_from(Object* d, Object* src) {
    if (is_dict(src)) {
        intptr_t pos = 0;
        Object *k, *v;
        // Snapshot first: src may be d itself.
        std::vector<std::pair<Object*, Object*>> items;
        while (dict_next(src, &pos, &k, &v)) items.push_back({newref(k), newref(v)});
        int r = 0;
        for (auto& kv : items) {
            if (r == 0 && dict_set(d, kv.first, kv.second) < 0) r = -1;
            decref(kv.first);
            decref(kv.second);
        }
        return r;
    }
    bool error;
    Object* keys_meth = lookup_attr(src, intern("keys"), &error);
    if (error) return -1;
    if (keys_meth) {
        Object* keys = call0(keys_meth);
        decref(keys_meth);
        if (!keys) return -1;
        Object* it = get_iter(keys);
        decref(keys);
        if (!it) return -1;
        while (Object* k = iter_next(it)) {
            Object* v = get_item(src, k);
            int r = v ? dict_set(d, k, v) : -1;
            decref(k);
            xdecref(v);
            if (r < 0) break;
        }
        decref(it);
        return err_occurred() ? -1 : 0;
    }
    Object* it = get_iter(src);
    if (!it) return -1;
    intptr_t idx = 0;
    while (Object* item = iter_next(it)) {
        Object* pair = nullptr;
        if (is_tuple(item) || is_list(item) || item->ob_type->tp_iter) {
            pair = sequence_to_tuple(item);
        } else {
            raise_format(&TypeError_Type, "cannot convert dictionary update sequence element #%zd to a sequence", idx);
        }
        decref(item);
        if (pair && tuple_size(pair) != 2) {
            raise_format(&ValueError_Type, "dictionary update sequence element #%zd has length %zd; 2 is required", idx,
                         tuple_size(pair));
            clearref(&pair);
        }
        if (!pair || dict_set(d, tuple_items(pair)[0], tuple_items(pair)[1]) < 0) {
            xdecref(pair);
            decref(it);
            return -1;
        }
        decref(pair);
        idx++;
    }
    decref(it);
    return err_occurred() ? -1 : 0;
}

static Object* dict_update(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!check_nargs("update", nargs, 0, 1)) return nullptr;
    if (nargs == 1 && dict_update_from(self, args[0]) < 0) return nullptr;
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++)
            if (dict_set(self, tuple_items(kwnames)[i], args[nargs + static_cast<size_t>(i)]) < 0) return nullptr;
    }
    return none();
}

static Object* dict_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.clear", kwnames) || !check_nargs("dict.clear", nargs, 0, 0)) return nullptr;
    dict_clear_all(self);
    return none();
}

static Object* dict_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dict.copy", kwnames) || !check_nargs("dict.copy", nargs, 0, 0)) return nullptr;
    Object* r = new_dict();
    if (!r) return nullptr;
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(self, &pos, &k, &v)) {
        if (dict_set(r, k, v) < 0) {
            decref(r);
            return nullptr;
        }
    }
    return r;
}

static Object* dict_fromkeys(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("fromkeys", kwnames) || !check_nargs("fromkeys", nargs, 1, 2)) return nullptr;
    Object* value = nargs == 2 ? args[1] : YS_None;
    Object* d = cls == static_cast<Object*>(&Dict_Type) ? new_dict() : call0(cls);
    if (!d) return nullptr;
    Object* it = get_iter(args[0]);
    if (!it) {
        decref(d);
        return nullptr;
    }
    while (Object* k = iter_next(it)) {
        int r = is_dict(d) && d->ob_type == &Dict_Type ? dict_set(d, k, value) : set_item(d, k, value);
        decref(k);
        if (r < 0) break;
    }
    decref(it);
    if (err_occurred()) {
        decref(d);
        return nullptr;
    }
    return d;
}

static Object* dict_reversed_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__reversed__", kwnames) || !check_nargs("__reversed__", nargs, 0, 0)) return nullptr;
    Object* keys = sequence_to_list(self);
    if (!keys) return nullptr;
    Object* r = call_method(keys, "__reversed__", nullptr, 0);
    decref(keys);
    return r;
}

static void fill_view_type(Type* t, const char* name, bool setlike) {
    t->tp_name = name;
    t->tp_basicsize = sizeof(DictViewObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = view_dealloc;
    t->tp_traverse = view_traverse;
    t->tp_repr = view_repr;
    t->tp_iter = view_iter;
    t->mp_length = view_len;
    t->sq_contains = view_contains;
    if (setlike) {
        t->tp_richcompare = view_richcompare;
        t->nb_binary[1] = view_setop<1>;
        t->nb_binary[7] = view_setop<7>;
        t->nb_binary[10] = view_setop<10>;
        t->nb_binary[12] = view_setop<12>;
    }
    type_ready(t);
}

void init_dict_view_types() {
    fill_view_type(&DictKeys_Type, "dict_keys", true);
    fill_view_type(&DictValues_Type, "dict_values", false);
    fill_view_type(&DictItems_Type, "dict_items", true);
}

void init_dict_methods() {
    auto& m = Dict_Type.tp_methods;
    m.push_back({"keys", dict_keys});
    m.push_back({"values", dict_values});
    m.push_back({"items", dict_items});
    m.push_back({"get", dict_get_meth});
    m.push_back({"setdefault", dict_setdefault});
    m.push_back({"pop", dict_pop});
    m.push_back({"popitem", dict_popitem});
    m.push_back({"update", dict_update});
    m.push_back({"clear", dict_clear});
    m.push_back({"copy", dict_copy});
    m.push_back({"fromkeys", dict_fromkeys, METH_CLASS});
    m.push_back({"__reversed__", dict_reversed_meth});
}

}  // namespace ys::vm
