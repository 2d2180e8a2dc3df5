// The `gc` module front-end over the collector in gc.cpp: collect, enable/disable/
// isenabled, thresholds and counts, get_referents/get_referrers (through the types'
// tp_traverse, as gcmodule.c), is_tracked, garbage and callbacks.
#include <algorithm>

#include "vm/builtins_util.h"
#include "vm/gc.h"

namespace ys::vm {

bool is_gc(Object* o);  // gc.cpp

static GcState& st() { return *rt().gc; }

static Object* gc_collect_fn(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[1];
    if (!parse_args("collect", args, nargs, kwnames, {"generation"}, 0, a)) return nullptr;
    int64_t gen = 2;
    if (a[0]) {
        bool ok;
        gen = as_index(a[0], &ok);
        if (!ok) return nullptr;
        if (gen < 0 || gen > 2) return raise(&ValueError_Type, "invalid generation");
    }
    intptr_t n = gc_collect(static_cast<int>(gen));
    if (n < 0) return nullptr;
    return new_int(n);
}

static bool noargs(const char* name, size_t nargs, Object* kwnames) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

static Object* gc_enable(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("enable", nargs, kwnames)) return nullptr;
    st().enabled = true;
    return none();
}
static Object* gc_disable(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("disable", nargs, kwnames)) return nullptr;
    st().enabled = false;
    return none();
}
static Object* gc_isenabled(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("isenabled", nargs, kwnames)) return nullptr;
    return new_bool(st().enabled);
}

static Object* int_triple(int64_t a, int64_t b, int64_t c) {
    Object* x = new_int(a);
    Object* y = new_int(b);
    Object* z = new_int(c);
    Object* t = x && y && z ? tuple_pack({x, y, z}) : nullptr;
    xdecref(x);
    xdecref(y);
    xdecref(z);
    return t;
}

static Object* gc_get_threshold(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("get_threshold", nargs, kwnames)) return nullptr;
    GcState& s = st();
    return int_triple(s.generations[0].threshold, s.generations[1].threshold, s.generations[2].threshold);
}
static Object* gc_set_threshold(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("set_threshold", kwnames) || !check_nargs("set_threshold", nargs, 1, 3)) return nullptr;
    for (size_t i = 0; i < nargs; i++) {
        bool ok;
        int64_t v = as_index(args[i], &ok);
        if (!ok) return nullptr;
        st().generations[i].threshold = static_cast<int>(v);
    }
    return none();
}
static Object* gc_get_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!noargs("get_count", nargs, kwnames)) return nullptr;
    GcState& s = st();
    return int_triple(s.generations[0].count, s.generations[1].count, s.generations[2].count);
}

static int append_visit(Object* o, void* arg) {
    list_append(static_cast<Object*>(arg), o);
    return 0;
}

static Object* gc_get_referents(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("get_referents", kwnames)) return nullptr;
    Object* result = new_list(0);
    if (!result) return nullptr;
    for (size_t i = 0; i < nargs; i++) {
        Object* o = args[i];
        if (!is_gc(o) || !o->ob_type->tp_traverse) continue;
        o->ob_type->tp_traverse(o, append_visit, result);
    }
    return result;
}

struct ReferrerSearch {
    Object* const* targets;
    size_t n;
    Object* result;
    bool found;
};
static int referrer_visit(Object* o, void* arg) {
    auto* s = static_cast<ReferrerSearch*>(arg);
    for (size_t i = 0; i < s->n; i++)
        if (s->targets[i] == o) {
            s->found = true;
            return 1;
        }
    return 0;
}
static void referrer_check(Object* o, void* arg) {
    auto* s = static_cast<ReferrerSearch*>(arg);
    if (o == s->result || !o->ob_type->tp_traverse) return;
    s->found = false;
    o->ob_type->tp_traverse(o, referrer_visit, s);
    if (s->found) list_append(s->result, o);
}
static Object* gc_get_referrers(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("get_referrers", kwnames)) return nullptr;
    Object* result = new_list(0);
    if (!result) return nullptr;
    ReferrerSearch s{args, nargs, result, false};
    gc_for_each_tracked(referrer_check, &s);
    return result;
}

static Object* gc_is_tracked_fn(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("is_tracked", kwnames) || !check_nargs("is_tracked", nargs, 1, 1)) return nullptr;
    return new_bool(is_gc(args[0]) && gc_is_tracked(args[0]));
}

static Object* gc_is_finalized(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("is_finalized", kwnames) || !check_nargs("is_finalized", nargs, 1, 1)) return nullptr;
    return new_bool(is_gc(args[0]) && (as_gc(args[0])->gc_flags & GC_FINALIZED));
}

static const MethodDef kGcFunctions[] = {
    {"collect", gc_collect_fn},         {"enable", gc_enable},
    {"disable", gc_disable},            {"isenabled", gc_isenabled},
    {"get_threshold", gc_get_threshold}, {"set_threshold", gc_set_threshold},
    {"get_count", gc_get_count},        {"get_referents", gc_get_referents},
    {"get_referrers", gc_get_referrers}, {"is_tracked", gc_is_tracked_fn},
    {"is_finalized", gc_is_finalized},
};

int init_gc_module(Object* m) {
    for (const MethodDef& def : kGcFunctions)
        if (add_function(m, &def) < 0) return -1;
    GcState& s = st();
    if (!s.garbage) s.garbage = new_list(0);
    if (!s.callbacks) s.callbacks = new_list(0);
    if (!s.garbage || !s.callbacks) return -1;
    add_object(m, "garbage", s.garbage);
    add_object(m, "callbacks", s.callbacks);
    for (auto [name, v] : {std::pair{"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
                           {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}}) {
        Object* i = new_int(v);
        add_object(m, name, i);
        decref(i);
    }
    return 0;
}

}  // namespace ys::vm
