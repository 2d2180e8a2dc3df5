// set / frozenset core: CPython's setobject.c table (linear probes of 9, perturbation,
// resize at 3/5 full), so iteration order and repr match CPython. Operators here;
// methods (add, discard, union, ...) in set_methods.cpp.
#include <cstdlib>
#include <cstring>

#include "vm/runtime.h"

namespace ys::vm {

Type Set_Type, FrozenSet_Type, SetIter_Type;
bool repr_enter(Object* o);
void repr_leave(Object* o);

static constexpr int kLinearProbes = 9;
static constexpr int kPerturbShift = 5;
static Object g_dummy_obj;  // marks deleted entries
static Object* const kDummy = &g_dummy_obj;

static SetObject* S(Object* o) { return static_cast<SetObject*>(o); }

Object* new_set(Type* type) {
    SetObject* s = alloc<SetObject>(type, type->tp_basicsize ? type->tp_basicsize : sizeof(SetObject));
    if (!s) return nullptr;
    s->table = s->smalltable;
    s->mask = 7;
    s->hash = -1;
    if (t_rt) gc_track(s);
    return s;
}

static void insert_clean(SetEntry* table, size_t mask, Object* key, intptr_t hash) {
    size_t perturb = static_cast<size_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        if (!entry->key) { entry->key = key; entry->hash = hash; return; }
        if (i + kLinearProbes <= mask) {
            for (int j = 0; j < kLinearProbes; j++) {
                entry++;
                if (!entry->key) { entry->key = key; entry->hash = hash; return; }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int table_resize(SetObject* so, intptr_t minused) {
    size_t newsize = 8;
    while (newsize <= static_cast<size_t>(minused)) newsize <<= 1;
    SetEntry* oldtable = so->table;
    size_t oldmask = static_cast<size_t>(so->mask);
    SetEntry smallcopy[8];
    if (oldtable == so->smalltable) {
        std::memcpy(smallcopy, so->smalltable, sizeof smallcopy);
        oldtable = smallcopy;
    }
    SetEntry* newtable = newsize == 8 ? so->smalltable
                                      : static_cast<SetEntry*>(std::calloc(newsize, sizeof(SetEntry)));
    if (newtable == so->smalltable) std::memset(so->smalltable, 0, sizeof so->smalltable);
    so->mask = static_cast<intptr_t>(newsize - 1);
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++) {
        SetEntry& e = oldtable[i];
        if (e.key && e.key != kDummy) insert_clean(newtable, newsize - 1, e.key, e.hash);
    }
    if (oldtable != smallcopy && oldtable != so->smalltable) std::free(oldtable);
    return 0;
}

static int add_entry(SetObject* so, Object* key, intptr_t hash) {
    incref(key);
restart:
    size_t mask = static_cast<size_t>(so->mask);
    size_t i = static_cast<size_t>(hash) & mask;
    size_t perturb = static_cast<size_t>(hash);
    SetEntry* freeslot = nullptr;
    for (;;) {
        SetEntry* entry = &so->table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
            if (entry->hash == hash && entry->key != kDummy) {
                Object* startkey = entry->key;
                if (startkey == key) goto found_active;
                if (startkey->ob_type == &Str_Type && key->ob_type == &Str_Type && str_equal(startkey, key))
                    goto found_active;
                SetEntry* table = so->table;
                incref(startkey);
                int cmp = rich_compare_bool(startkey, key, 2);
                decref(startkey);
                if (cmp > 0) goto found_active;
                if (cmp < 0) { decref(key); return -1; }
                if (table != so->table || entry->key != startkey) goto restart;
                mask = static_cast<size_t>(so->mask);
            } else if (entry->key == kDummy && !freeslot) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_unused_or_dummy:
        if (freeslot) {
            so->used++;
            freeslot->key = key;
            freeslot->hash = hash;
            return 0;
        }
        so->fill++;
        so->used++;
        entry->key = key;
        entry->hash = hash;
        if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
        return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
    found_active:
        decref(key);
        return 0;
    }
}

static SetEntry* find_entry(SetObject* so, Object* key, intptr_t hash, bool* error) {
    *error = false;
    size_t mask = static_cast<size_t>(so->mask);
    size_t i = static_cast<size_t>(hash) & mask;
    size_t perturb = static_cast<size_t>(hash);
    for (;;) {
        SetEntry* entry = &so->table[i];
        int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        do {
            if (entry->hash == 0 && entry->key == nullptr) return nullptr;
            if (entry->hash == hash && entry->key != kDummy) {
                Object* startkey = entry->key;
                if (startkey == key) return entry;
                if (is_str(startkey) && is_str(key)) {
                    if (str_equal(startkey, key)) return entry;
                } else {
                    incref(startkey);
                    int cmp = rich_compare_bool(startkey, key, 2);
                    decref(startkey);
                    if (cmp < 0) { *error = true; return nullptr; }
                    if (cmp > 0) return entry;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add(Object* s, Object* key) {
    intptr_t h = object_hash(key);
    if (h == -1) return -1;
    return add_entry(S(s), key, h);
}

int set_contains(Object* s, Object* key) {
    intptr_t h = object_hash(key);
    if (h == -1) return -1;
    bool err;
    SetEntry* e = find_entry(S(s), key, h, &err);
    if (err) return -1;
    return e != nullptr;
}

int set_discard(Object* s, Object* key) {
    intptr_t h = object_hash(key);
    if (h == -1) return -1;
    bool err;
    SetEntry* e = find_entry(S(s), key, h, &err);
    if (err) return -1;
    if (!e) return 0;
    Object* old = e->key;
    e->key = kDummy;
    e->hash = -1;
    S(s)->used--;
    decref(old);
    return 1;
}

bool set_next(Object* s, intptr_t* pos, Object** key) {
    SetObject* so = S(s);
    while (*pos <= so->mask) {
        SetEntry& e = so->table[(*pos)++];
        if (e.key && e.key != kDummy) {
            *key = e.key;
            return true;
        }
    }
    return false;
}

static void set_dealloc(Object* o) {
    gc_untrack(o);
    SetObject* so = S(o);
    for (intptr_t i = 0; i <= so->mask; i++) {
        Object* k = so->table[i].key;
        if (k && k != kDummy) decref(k);
    }
    if (so->table != so->smalltable) std::free(so->table);
    free_object(o);
}

static int set_traverse(Object* o, VisitFn visit, void* arg) {
    intptr_t pos = 0;
    Object* k;
    while (set_next(o, &pos, &k)) {
        int r = visit(k, arg);
        if (r) return r;
    }
    return 0;
}

int set_clear_all(Object* o) {
    SetObject* so = S(o);
    SetEntry* old = so->table;
    intptr_t oldmask = so->mask;
    SetEntry smallcopy[8];
    if (old == so->smalltable) {
        std::memcpy(smallcopy, so->smalltable, sizeof smallcopy);
        old = smallcopy;
    }
    std::memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = 7;
    so->fill = so->used = 0;
    for (intptr_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != kDummy) decref(old[i].key);
    if (old != smallcopy) std::free(old);
    return 0;
}

static Object* set_repr(Object* o) {
    bool frozen = o->ob_type != &Set_Type && isinstance(o, &FrozenSet_Type);
    const char* name = o->ob_type->tp_name.c_str();
    if (S(o)->used == 0) return new_str(std::string(name) + "()");
    if (repr_enter(o)) return new_str(std::string(name) + "(...)");
    std::string s = "{";
    intptr_t pos = 0;
    Object* k;
    bool first = true, ok = true;
    while (set_next(o, &pos, &k)) {
        if (!first) s += ", ";
        first = false;
        s += repr_string(k, &ok);
        if (!ok) break;
    }
    s += "}";
    repr_leave(o);
    if (!ok) return nullptr;
    if (frozen || o->ob_type != &Set_Type) s = std::string(name) + "(" + s + ")";
    return new_str(s);
}

static intptr_t set_len(Object* o) { return S(o)->used; }
static int set_contains_slot(Object* o, Object* key) { return set_contains(o, key); }
static int set_bool(Object* o) { return S(o)->used != 0; }

static Object* make_like(Object* o) { return new_set(isinstance(o, &FrozenSet_Type) ? &FrozenSet_Type : &Set_Type); }

static Object* set_binop(Object* a, Object* b, int which) {
    if (!is_set(a) || !is_set(b)) return newref(YS_NotImplemented);
    Object* r = make_like(a);
    if (!r) return nullptr;
    intptr_t pos = 0;
    Object* k;
    auto fail = [&]() { decref(r); return nullptr; };
    if (which == 0) {  // |
        while (set_next(a, &pos, &k)) if (set_add(r, k) < 0) return fail();
        pos = 0;
        while (set_next(b, &pos, &k)) if (set_add(r, k) < 0) return fail();
    } else if (which == 1) {  // &
        while (set_next(a, &pos, &k)) {
            int c = set_contains(b, k);
            if (c < 0 || (c && set_add(r, k) < 0)) return fail();
        }
    } else if (which == 2) {  // -
        while (set_next(a, &pos, &k)) {
            int c = set_contains(b, k);
            if (c < 0 || (!c && set_add(r, k) < 0)) return fail();
        }
    } else {  // ^
        while (set_next(a, &pos, &k)) {
            int c = set_contains(b, k);
            if (c < 0 || (!c && set_add(r, k) < 0)) return fail();
        }
        pos = 0;
        while (set_next(b, &pos, &k)) {
            int c = set_contains(a, k);
            if (c < 0 || (!c && set_add(r, k) < 0)) return fail();
        }
    }
    return r;
}
static Object* set_or(Object* a, Object* b) { return set_binop(a, b, 0); }
static Object* set_and(Object* a, Object* b) { return set_binop(a, b, 1); }
static Object* set_sub(Object* a, Object* b) { return set_binop(a, b, 2); }
static Object* set_xor(Object* a, Object* b) { return set_binop(a, b, 3); }

static bool issubset(Object* a, Object* b, int* err) {
    intptr_t pos = 0;
    Object* k;
    *err = 0;
    while (set_next(a, &pos, &k)) {
        int c = set_contains(b, k);
        if (c < 0) { *err = 1; return false; }
        if (!c) return false;
    }
    return true;
}

static Object* set_richcompare(Object* a, Object* b, int op) {
    if (!is_set(a) || !is_set(b)) return newref(YS_NotImplemented);
    intptr_t na = S(a)->used, nb = S(b)->used;
    int err = 0;
    bool r = false;
    switch (op) {
        case 2: r = na == nb && issubset(a, b, &err); break;
        case 3: r = !(na == nb && issubset(a, b, &err)); break;
        case 1: r = na <= nb && issubset(a, b, &err); break;
        case 0: r = na < nb && issubset(a, b, &err); break;
        case 5: r = na >= nb && issubset(b, a, &err); break;
        case 4: r = na > nb && issubset(b, a, &err); break;
    }
    if (err) return nullptr;
    return new_bool(r);
}

static intptr_t frozenset_hash(Object* o) {
    SetObject* so = S(o);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    intptr_t pos = 0;
    Object* k;
    while (set_next(o, &pos, &k)) {
        uint64_t h = static_cast<uint64_t>(object_hash(k));
        hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
    }
    if ((so->mask + 1 - so->fill) & 1) hash ^= 0;  // (dummy handling omitted)
    hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713UL;
    so->hash = static_cast<intptr_t>(hash);
    return so->hash;
}

struct SetIterObject : Object {
    Object* set;
    intptr_t pos;
    intptr_t used;
};
static void setiter_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<SetIterObject*>(o)->set);
    free_object(o);
}
static int setiter_traverse(Object* o, VisitFn visit, void* arg) {
    Object* s = static_cast<SetIterObject*>(o)->set;
    return s ? visit(s, arg) : 0;
}
static Object* setiter_next(Object* o) {
    SetIterObject* it = static_cast<SetIterObject*>(o);
    if (!it->set) return nullptr;
    if (S(it->set)->used != it->used) {
        it->used = -1;
        return raise(&RuntimeError_Type, "Set changed size during iteration");
    }
    Object* k;
    if (!set_next(it->set, &it->pos, &k)) {
        clearref(&it->set);
        return nullptr;
    }
    return newref(k);
}
static Object* self_iter(Object* o) { return newref(o); }
static Object* set_iter(Object* o) {
    SetIterObject* it = alloc<SetIterObject>(&SetIter_Type);
    if (!it) return nullptr;
    it->set = newref(o);
    it->used = S(o)->used;
    gc_track(it);
    return it;
}

static Object* set_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs(type->tp_name.c_str(), kwnames) || !check_nargs(type->tp_name.c_str(), nargs, 0, 1)) return nullptr;
    Object* s = new_set(type);
    if (!s) return nullptr;
    if (nargs) {
        Object* it = get_iter(args[0]);
        if (!it) { decref(s); return nullptr; }
        while (Object* x = iter_next(it)) {
            int r = set_add(s, x);
            decref(x);
            if (r < 0) { decref(it); decref(s); return nullptr; }
        }
        decref(it);
        if (err_occurred()) { decref(s); return nullptr; }
    }
    return s;
}

static Object* set_add_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("add", kwnames) || !check_nargs("add", nargs, 1, 1)) return nullptr;
    if (set_add(self, args[0]) < 0) return nullptr;
    return none();
}

static void fill_set_type(Type* t, const char* name) {
    t->tp_name = name;
    t->tp_basicsize = sizeof(SetObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC;
    t->tp_base = &Object_Type;
    t->tp_dealloc = set_dealloc;
    t->tp_traverse = set_traverse;
    t->tp_clear = set_clear_all;
    t->tp_repr = set_repr;
    t->tp_richcompare = set_richcompare;
    t->tp_iter = set_iter;
    t->tp_new = set_new;
    t->nb_binary[1] = set_and;
    t->nb_binary[7] = set_or;
    t->nb_binary[10] = set_sub;
    t->nb_binary[12] = set_xor;
    t->nb_bool = set_bool;
    t->mp_length = set_len;
    t->sq_contains = set_contains_slot;
}

void init_set_types() {
    fill_set_type(&Set_Type, "set");
    Set_Type.tp_methods.push_back({"add", set_add_meth});
    fill_set_type(&FrozenSet_Type, "frozenset");
    FrozenSet_Type.tp_hash = frozenset_hash;
    Type* it = &SetIter_Type;
    it->tp_name = "set_iterator";
    it->tp_basicsize = sizeof(SetIterObject);
    it->tp_flags = TPF_HAVE_GC;
    it->tp_base = &Object_Type;
    it->tp_dealloc = setiter_dealloc;
    it->tp_traverse = setiter_traverse;
    it->tp_iter = self_iter;
    it->tp_iternext = setiter_next;
    g_dummy_obj.ob_refcnt = 1 << 30;
    g_dummy_obj.ob_type = &Object_Type;
}

}  // namespace ys::vm
