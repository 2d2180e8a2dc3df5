// The `itertools` subset: count, repeat, islice, chain (+ chain.from_iterable) and
// tee, following Modules/itertoolsmodule.c closely because the moments at which they
// drop their references (islice clearing its iterator when exhausted, tee's 57-item
// data blocks) decide when generators are closed and objects finalized. All are
// GC-tracked with tp_traverse, so cycles through them are collected.
#include "vm/builtins_util.h"

namespace ys::vm {

Type Count_Type, Repeat_Type, ISlice_Type, Chain_Type, Tee_Type, TeeData_Type;
void add_iter_dunders(Type* t);  // builtins_iter.cpp

static bool only_kw(Object* kwnames, const char* fname, std::initializer_list<const char*> allowed) {
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

// ---- count(start=0, step=1)
struct CountObject : Object {
    Object* cnt;
    Object* step;
};
static Object* count_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!only_kw(kwnames, "count", {"start", "step"})) return nullptr;
    Object* a[2];
    if (!parse_args("count", args, nargs, kwnames, {"start", "step"}, 0, a)) return nullptr;
    Object* start = a[0] ? a[0] : nullptr;
    Object* step = a[1] ? a[1] : nullptr;
    for (Object* x : {start, step})
        if (x && !is_int(x) && !is_float(x)) return raise(&TypeError_Type, "a number is required");
    auto* c = alloc<CountObject>(type, type->tp_basicsize);
    if (!c) return nullptr;
    c->cnt = start ? newref(start) : new_int(0);
    c->step = step ? newref(step) : new_int(1);
    gc_track(c);
    return c;
}
static Object* count_next(Object* o) {
    auto* c = static_cast<CountObject*>(o);
    Object* next = binary_op(c->cnt, c->step, 0);
    if (!next) return nullptr;
    Object* r = c->cnt;
    c->cnt = next;
    return r;
}
static Object* count_repr(Object* o) {
    auto* c = static_cast<CountObject*>(o);
    bool ok = true;
    std::string s = "count(" + repr_string(c->cnt, &ok);
    if (!(is_int(c->step) && !int_is_big(c->step) && int_value(c->step) == 1 && c->step->ob_type == &Int_Type))
        s += ", " + repr_string(c->step, &ok);
    if (!ok) return nullptr;
    return new_str(s + ")");
}
static void count_dealloc(Object* o) {
    gc_untrack(o);
    auto* c = static_cast<CountObject*>(o);
    xdecref(c->cnt);
    xdecref(c->step);
    free_object(o);
}
static int count_traverse(Object* o, VisitFn visit, void* arg) {
    auto* c = static_cast<CountObject*>(o);
    if (c->cnt && visit(c->cnt, arg)) return 1;
    return c->step ? visit(c->step, arg) : 0;
}

// ---- repeat(object, times=None)
struct RepeatObject : Object {
    Object* element;
    int64_t cnt;  // -1 = forever
};
static Object* repeat_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[2];
    if (!parse_args("repeat", args, nargs, kwnames, {"object", "times"}, 1, a)) return nullptr;
    int64_t cnt = -1;
    if (a[1]) {
        bool ok;
        cnt = as_index(a[1], &ok);
        if (!ok) return nullptr;
        if (cnt < 0) cnt = 0;
    }
    auto* r = alloc<RepeatObject>(type, type->tp_basicsize);
    if (!r) return nullptr;
    r->element = newref(a[0]);
    r->cnt = cnt;
    gc_track(r);
    return r;
}
static Object* repeat_next(Object* o) {
    auto* r = static_cast<RepeatObject*>(o);
    if (r->cnt == 0) return nullptr;
    if (r->cnt > 0) r->cnt--;
    return newref(r->element);
}
static Object* repeat_repr(Object* o) {
    auto* r = static_cast<RepeatObject*>(o);
    bool ok = true;
    std::string s = "repeat(" + repr_string(r->element, &ok);
    if (!ok) return nullptr;
    if (r->cnt >= 0) s += ", " + std::to_string(r->cnt);
    return new_str(s + ")");
}
static Object* repeat_length_hint(Object* self, Object* const*, size_t, Object*) {
    auto* r = static_cast<RepeatObject*>(self);
    if (r->cnt < 0) return raise(&TypeError_Type, "len() of unsized object");
    return new_int(r->cnt);
}
static void repeat_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<RepeatObject*>(o)->element);
    free_object(o);
}
static int repeat_traverse(Object* o, VisitFn visit, void* arg) {
    Object* e = static_cast<RepeatObject*>(o)->element;
    return e ? visit(e, arg) : 0;
}

// ---- islice(iterable, stop) / islice(iterable, start, stop[, step])
struct ISliceObject : Object {
    Object* it;  // null once exhausted
    intptr_t next, stop, step, cnt;
};
// PyNumber_AsSsize_t for islice's arguments: -1 (with no error) on anything invalid.
static intptr_t islice_index(Object* o) {
    if (!is_int(o) && !o->ob_type->nb_index) return -1;
    bool ok;
    int64_t v = as_index(o, &ok);
    if (!ok) {
        err_clear();
        return -1;
    }
    return v;
}
static Object* islice_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("islice", kwnames)) return nullptr;
    if (nargs < 2) return raise_format(&TypeError_Type, "islice expected at least 2 arguments, got %zu", nargs);
    if (nargs > 4) return raise_format(&TypeError_Type, "islice expected at most 4 arguments, got %zu", nargs);
    intptr_t start = 0, stop = -1, step = 1;
    static const char* kStopErr = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (nargs == 2) {
        if (args[1] != YS_None) {
            stop = islice_index(args[1]);
            if (stop == -1) return raise(&ValueError_Type, kStopErr);
        }
    } else {
        if (args[1] != YS_None) start = islice_index(args[1]);
        if (args[2] != YS_None) {
            stop = islice_index(args[2]);
            if (stop == -1) return raise(&ValueError_Type, kStopErr);
        }
    }
    if (start < 0 || stop < -1)
        return raise(&ValueError_Type, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (nargs == 4 && args[3] != YS_None) step = islice_index(args[3]);
    if (step < 1) return raise(&ValueError_Type, "Step for islice() must be a positive integer or None.");
    Object* it = get_iter(args[0]);
    if (!it) return nullptr;
    auto* s = alloc<ISliceObject>(type, type->tp_basicsize);
    if (!s) {
        decref(it);
        return nullptr;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    s->cnt = 0;
    gc_track(s);
    return s;
}
static Object* islice_next(Object* o) {
    auto* s = static_cast<ISliceObject*>(o);
    if (!s->it) return nullptr;
    Object* item;
    while (s->cnt < s->next) {
        item = iter_next(s->it);
        if (!item) goto empty;
        decref(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) goto empty;
    item = iter_next(s->it);
    if (!item) goto empty;
    s->cnt++;
    {
        intptr_t old = s->next;
        s->next += s->step;
        if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    }
    return item;
empty:
    // Keep a pending exception; drop the iterator either way, as CPython.
    clearref(&s->it);
    return nullptr;
}
static void islice_dealloc(Object* o) {
    gc_untrack(o);
    xdecref(static_cast<ISliceObject*>(o)->it);
    free_object(o);
}
static int islice_traverse(Object* o, VisitFn visit, void* arg) {
    Object* it = static_cast<ISliceObject*>(o)->it;
    return it ? visit(it, arg) : 0;
}

// ---- chain(*iterables), chain.from_iterable(iterable)
struct ChainObject : Object {
    Object* source;  // iterator over the iterables
    Object* active;  // current iterator
};
static Object* make_chain(Type* type, Object* source) {  // steals source
    auto* c = alloc<ChainObject>(type, type->tp_basicsize);
    if (!c) {
        decref(source);
        return nullptr;
    }
    c->source = source;
    c->active = nullptr;
    gc_track(c);
    return c;
}
static Object* chain_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("chain", kwnames)) return nullptr;
    Object* t = tuple_from(args, static_cast<intptr_t>(nargs));
    if (!t) return nullptr;
    Object* source = get_iter(t);
    decref(t);
    if (!source) return nullptr;
    return make_chain(type, source);
}
static Object* chain_from_iterable(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("from_iterable", kwnames) || !check_nargs("chain.from_iterable", nargs, 1, 1)) return nullptr;
    Object* source = get_iter(args[0]);
    if (!source) return nullptr;
    return make_chain(static_cast<Type*>(cls), source);
}
static Object* chain_next(Object* o) {
    auto* c = static_cast<ChainObject*>(o);
    while (c->source) {
        if (!c->active) {
            Object* iterable = iter_next(c->source);
            if (!iterable) {
                clearref(&c->source);
                return nullptr;
            }
            c->active = get_iter(iterable);
            decref(iterable);
            if (!c->active) {
                clearref(&c->source);
                return nullptr;
            }
        }
        Object* item = c->active->ob_type->tp_iternext(c->active);
        if (item) return item;
        if (err_occurred()) {
            if (!err_matches(&StopIteration_Type)) return nullptr;
            err_clear();
        }
        clearref(&c->active);
    }
    return nullptr;
}
static void chain_dealloc(Object* o) {
    gc_untrack(o);
    auto* c = static_cast<ChainObject*>(o);
    xdecref(c->active);
    xdecref(c->source);
    free_object(o);
}
static int chain_traverse(Object* o, VisitFn visit, void* arg) {
    auto* c = static_cast<ChainObject*>(o);
    if (c->source && visit(c->source, arg)) return 1;
    return c->active ? visit(c->active, arg) : 0;
}

// ---- tee: copies share a linked list of 57-item data blocks
static constexpr int kLinkCells = 57;
struct TeeDataObject : Object {
    Object* it;
    int numread;
    bool running;
    Object* nextlink;
    Object* values[kLinkCells];
};
struct TeeObject : Object {
    Object* dataobj;
    int index;
    Object* weakreflist;
};
static Object* teedata_new(Object* it) {
    auto* d = alloc<TeeDataObject>(&TeeData_Type);
    if (!d) return nullptr;
    d->it = newref(it);
    gc_track(d);
    return d;
}
static Object* teedata_jumplink(TeeDataObject* d) {
    if (!d->nextlink) d->nextlink = teedata_new(d->it);
    return d->nextlink ? newref(d->nextlink) : nullptr;
}
static Object* teedata_getitem(TeeDataObject* d, int i) {
    Object* value;
    if (i < d->numread) {
        value = d->values[i];
    } else {
        if (d->running) return raise(&RuntimeError_Type, "cannot re-enter the tee iterator");
        d->running = true;
        value = iter_next(d->it);
        d->running = false;
        if (!value) return nullptr;
        d->values[d->numread++] = value;
    }
    return newref(value);
}
static int teedata_clear(Object* o) {
    auto* d = static_cast<TeeDataObject*>(o);
    clearref(&d->it);
    for (int i = 0; i < d->numread; i++) clearref(&d->values[i]);
    d->numread = 0;
    clearref(&d->nextlink);
    return 0;
}
static void teedata_dealloc(Object* o) {
    gc_untrack(o);
    teedata_clear(o);
    free_object(o);
}
static int teedata_traverse(Object* o, VisitFn visit, void* arg) {
    auto* d = static_cast<TeeDataObject*>(o);
    if (d->it && visit(d->it, arg)) return 1;
    for (int i = 0; i < d->numread; i++)
        if (d->values[i] && visit(d->values[i], arg)) return 1;
    return d->nextlink ? visit(d->nextlink, arg) : 0;
}

static Object* tee_make(Object* dataobj, int index) {  // increfs dataobj
    auto* t = alloc<TeeObject>(&Tee_Type);
    if (!t) return nullptr;
    t->dataobj = newref(dataobj);
    t->index = index;
    gc_track(t);
    return t;
}
static Object* tee_next(Object* o) {
    auto* t = static_cast<TeeObject*>(o);
    if (t->index >= kLinkCells) {
        Object* link = teedata_jumplink(static_cast<TeeDataObject*>(t->dataobj));
        if (!link) return nullptr;
        setref(&t->dataobj, link);
        t->index = 0;
    }
    Object* v = teedata_getitem(static_cast<TeeDataObject*>(t->dataobj), t->index);
    if (!v) return nullptr;
    t->index++;
    return v;
}
static Object* tee_copy(Object* self, Object* const*, size_t, Object*) {
    auto* t = static_cast<TeeObject*>(self);
    return tee_make(t->dataobj, t->index);
}
static Object* tee_fromiterable(Object* iterable) {
    Object* it = get_iter(iterable);
    if (!it) return nullptr;
    if (it->ob_type == &Tee_Type) {
        Object* r = tee_copy(it, nullptr, 0, nullptr);
        decref(it);
        return r;
    }
    Object* data = teedata_new(it);
    decref(it);
    if (!data) return nullptr;
    Object* r = tee_make(data, 0);
    decref(data);
    return r;
}
static Object* tee_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("_tee", kwnames) || !check_nargs("_tee", nargs, 1, 1)) return nullptr;
    return tee_fromiterable(args[0]);
}
static int tee_clear(Object* o) {
    clearref(&static_cast<TeeObject*>(o)->dataobj);
    return 0;
}
static void tee_dealloc(Object* o) {
    gc_untrack(o);
    tee_clear(o);
    free_object(o);
}
static int tee_traverse(Object* o, VisitFn visit, void* arg) {
    Object* d = static_cast<TeeObject*>(o)->dataobj;
    return d ? visit(d, arg) : 0;
}

static Object* itertools_tee(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("tee", kwnames) || !check_nargs("tee", nargs, 1, 2)) return nullptr;
    int64_t n = 2;
    if (nargs == 2) {
        bool ok;
        n = as_index(args[1], &ok);
        if (!ok) return nullptr;
    }
    if (n < 0) return raise(&ValueError_Type, "n must be >= 0");
    Object* it = get_iter(args[0]);
    if (!it) return nullptr;
    Object* result = new_tuple(static_cast<intptr_t>(n));
    if (!result) {
        decref(it);
        return nullptr;
    }
    if (n == 0) {
        decref(it);
        return result;
    }
    for (int64_t i = 0; i < n; i++) tuple_items(result)[i] = nullptr;
    Object* first = it->ob_type == &Tee_Type ? newref(it) : tee_fromiterable(it);
    decref(it);
    if (!first) {
        decref(result);
        return nullptr;
    }
    tuple_items(result)[0] = first;
    for (int64_t i = 1; i < n; i++) {
        Object* c = tee_copy(tuple_items(result)[i - 1], nullptr, 0, nullptr);
        if (!c) {
            decref(result);
            return nullptr;
        }
        tuple_items(result)[i] = c;
    }
    return result;
}

static const MethodDef kItertoolsFunctions[] = {{"tee", itertools_tee}};

static void fill(Type* t, const char* name, size_t size, DeallocFn d, TraverseFn tr, UnaryFn next, NewFn nw) {
    t->tp_name = name;
    t->tp_basicsize = size;
    t->tp_flags = TPF_HAVE_GC | TPF_BASETYPE;
    t->tp_dealloc = d;
    t->tp_traverse = tr;
    t->tp_iter = next ? iter_self : nullptr;
    t->tp_iternext = next;
    t->tp_new = nw;
}

void init_itertools_types() {
    fill(&Count_Type, "itertools.count", sizeof(CountObject), count_dealloc, count_traverse, count_next, count_new);
    Count_Type.tp_repr = count_repr;
    fill(&Repeat_Type, "itertools.repeat", sizeof(RepeatObject), repeat_dealloc, repeat_traverse, repeat_next,
         repeat_new);
    Repeat_Type.tp_repr = repeat_repr;
    Repeat_Type.tp_methods = {{"__length_hint__", repeat_length_hint}};
    fill(&ISlice_Type, "itertools.islice", sizeof(ISliceObject), islice_dealloc, islice_traverse, islice_next,
         islice_new);
    fill(&Chain_Type, "itertools.chain", sizeof(ChainObject), chain_dealloc, chain_traverse, chain_next, chain_new);
    Chain_Type.tp_methods = {{"from_iterable", chain_from_iterable, METH_CLASS}};
    fill(&Tee_Type, "itertools._tee", sizeof(TeeObject), tee_dealloc, tee_traverse, tee_next, tee_new);
    Tee_Type.tp_flags &= ~TPF_BASETYPE;
    Tee_Type.tp_clear = tee_clear;
    Tee_Type.tp_weaklistoffset = field_offset(&TeeObject::weakreflist);
    Tee_Type.tp_methods = {{"__copy__", tee_copy}};
    fill(&TeeData_Type, "itertools._tee_dataobject", sizeof(TeeDataObject), teedata_dealloc, teedata_traverse, nullptr,
         nullptr);
    TeeData_Type.tp_clear = teedata_clear;
    for (Type* t : {&Count_Type, &Repeat_Type, &ISlice_Type, &Chain_Type, &Tee_Type}) add_iter_dunders(t);
    for (Type* t : {&Count_Type, &Repeat_Type, &ISlice_Type, &Chain_Type, &Tee_Type, &TeeData_Type}) {
        // The core's convention: short tp_name, the module in tp_module (so __name__ is
        // "count" and reprs read "<itertools.islice object at ...>").
        t->tp_name = t->tp_name.substr(10);
        t->tp_module = intern("itertools");
        type_ready(t);
    }
}

int init_itertools(Object* m) {
    for (const MethodDef& def : kItertoolsFunctions)
        if (add_function(m, &def) < 0) return -1;
    struct {
        const char* name;
        Type* type;
    } types[] = {{"count", &Count_Type}, {"repeat", &Repeat_Type}, {"islice", &ISlice_Type},
                 {"chain", &Chain_Type}, {"_tee", &Tee_Type},       {"_tee_dataobject", &TeeData_Type}};
    for (auto& t : types)
        if (add_object(m, t.name, t.type) < 0) return -1;
    return 0;
}

}  // namespace ys::vm
