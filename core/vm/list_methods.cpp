// list methods beyond append (list_core.cpp): extend, insert, pop, remove, clear,
// index, count, sort (stable, key, reverse), reverse, copy, __reversed__. Argument
// errors use the exact texts CPython 3.11 prints ("list.remove(x): x not in list").
#include <algorithm>

#include "vm/builtins_util.h"

namespace ys::vm {

bool parse_sort_kwargs(Object* const* args, size_t nargs, Object* kwnames, Object** key, bool* reverse);  // builtins_iter.cpp
Object* list_reversed_iter(Object* list);                                                                 // builtins_iter.cpp

static std::vector<Object*>& V(Object* o) { return list_items(o); }

// Clamps start/stop like CPython's list.index / tuple.index (negative from the end).
void clamp_range(Object* const* args, size_t nargs, intptr_t n, intptr_t* start, intptr_t* stop, bool* ok) {
    *start = 0;
    *stop = n;
    *ok = true;
    for (size_t i = 1; i < nargs && i < 3; i++) {
        bool k;
        int64_t v = as_index(args[i], &k);
        if (!k) {
            *ok = false;
            return;
        }
        if (v < 0) {
            v += n;
            if (v < 0) v = 0;
        }
        if (v > n) v = n;
        (i == 1 ? *start : *stop) = static_cast<intptr_t>(v);
    }
}

static Object* list_extend(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.extend", kwnames) || !check_nargs("list.extend", nargs, 1, 1)) return nullptr;
    // Materialize first: l.extend(l) must not loop forever.
    Object* seq = sequence_to_list(args[0]);
    if (!seq) return nullptr;
    for (Object* x : V(seq)) list_append(self, x);
    decref(seq);
    return none();
}

static Object* list_insert(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("insert", kwnames) || !check_nargs("insert", nargs, 2, 2)) return nullptr;
    bool ok;
    int64_t i = as_index(args[0], &ok);
    if (!ok) return nullptr;
    auto& v = V(self);
    int64_t n = static_cast<int64_t>(v.size());
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    v.insert(v.begin() + i, newref(args[1]));
    return none();
}

static Object* list_pop(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("pop", kwnames) || !check_nargs("pop", nargs, 0, 1)) return nullptr;
    auto& v = V(self);
    int64_t n = static_cast<int64_t>(v.size());
    int64_t i = -1;
    if (nargs) {
        bool ok;
        i = as_index(args[0], &ok);
        if (!ok) return nullptr;
    }
    if (n == 0) return raise(&IndexError_Type, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(&IndexError_Type, "pop index out of range");
    Object* x = v[static_cast<size_t>(i)];
    v.erase(v.begin() + i);
    return x;  // the list's reference becomes the caller's
}

// Finds the first index in [start, stop) whose item == x; -1 not found, -2 error.
static intptr_t find_item(Object* self, Object* x, intptr_t start, intptr_t stop) {
    for (intptr_t i = start; i < stop && i < static_cast<intptr_t>(V(self).size()); i++) {
        Object* item = newref(V(self)[static_cast<size_t>(i)]);
        int r = rich_compare_bool(item, x, 2);
        decref(item);
        if (r < 0) return -2;
        if (r) return i;
    }
    return -1;
}

static Object* list_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.remove", kwnames) || !check_nargs("list.remove", nargs, 1, 1)) return nullptr;
    intptr_t i = find_item(self, args[0], 0, static_cast<intptr_t>(V(self).size()));
    if (i == -2) return nullptr;
    if (i < 0) return raise(&ValueError_Type, "list.remove(x): x not in list");
    Object* old = V(self)[static_cast<size_t>(i)];
    V(self).erase(V(self).begin() + i);
    decref(old);
    return none();
}

static Object* list_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("index", kwnames) || !check_nargs("index", nargs, 1, 3)) return nullptr;
    intptr_t start, stop;
    bool ok;
    clamp_range(args, nargs, static_cast<intptr_t>(V(self).size()), &start, &stop, &ok);
    if (!ok) return nullptr;
    intptr_t i = find_item(self, args[0], start, stop);
    if (i == -2) return nullptr;
    if (i < 0) {
        std::string r = repr_string(args[0], &ok);
        if (!ok) return nullptr;
        return raise_format(&ValueError_Type, "%s is not in list", r.c_str());
    }
    return new_int(i);
}

static Object* list_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.count", kwnames) || !check_nargs("list.count", nargs, 1, 1)) return nullptr;
    int64_t c = 0;
    for (size_t i = 0; i < V(self).size(); i++) {
        Object* item = newref(V(self)[i]);
        int r = rich_compare_bool(item, args[0], 2);
        decref(item);
        if (r < 0) return nullptr;
        c += r;
    }
    return new_int(c);
}

static Object* list_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.clear", kwnames) || !check_nargs("list.clear", nargs, 0, 0)) return nullptr;
    std::vector<Object*> old;
    old.swap(V(self));
    for (size_t i = old.size(); i-- > 0;) decref(old[i]);
    return none();
}

static Object* list_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.copy", kwnames) || !check_nargs("list.copy", nargs, 0, 0)) return nullptr;
    Object* r = new_list(0);
    if (!r) return nullptr;
    for (Object* x : V(self)) list_append(r, x);
    return r;
}

static Object* list_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("list.reverse", kwnames) || !check_nargs("list.reverse", nargs, 0, 0)) return nullptr;
    std::reverse(V(self).begin(), V(self).end());
    return none();
}

static Object* list_sort(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs) return raise(&TypeError_Type, "sort() takes no positional arguments");
    Object* key;
    bool reverse;
    if (!parse_sort_kwargs(args, nargs, kwnames, &key, &reverse)) return nullptr;
    // As CPython, the list looks empty while it is being sorted; a key or __lt__ that
    // mutates it is reported afterwards.
    std::vector<Object*> items;
    items.swap(V(self));
    int r = sort_objects(items, key, reverse);
    bool modified = !V(self).empty();
    std::vector<Object*> junk;
    junk.swap(V(self));
    V(self).swap(items);
    for (size_t i = junk.size(); i-- > 0;) decref(junk[i]);
    if (r < 0) return nullptr;
    if (modified) return raise(&ValueError_Type, "list modified during sort");
    return none();
}

static Object* list_reversed_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__reversed__", kwnames) || !check_nargs("__reversed__", nargs, 0, 0)) return nullptr;
    return list_reversed_iter(self);
}

void init_list_methods() {
    auto& m = List_Type.tp_methods;
    m.push_back({"extend", list_extend});
    m.push_back({"insert", list_insert});
    m.push_back({"pop", list_pop});
    m.push_back({"remove", list_remove});
    m.push_back({"index", list_index});
    m.push_back({"count", list_count});
    m.push_back({"clear", list_clear});
    m.push_back({"copy", list_copy});
    m.push_back({"reverse", list_reverse});
    m.push_back({"sort", list_sort});
    m.push_back({"__reversed__", list_reversed_meth});
}

}  // namespace ys::vm
