// The cycle collector: CPython 3.11's Modules/gcmodule.c algorithm. Three generations
// with thresholds (700, 10, 10); a collection copies refcounts into gc_refs, subtracts
// the references internal to the generation, moves what stays at zero to
// `unreachable` (re-rescuing what is reachable from survivors, in CPython's list
// order), clears weakrefs and calls their callbacks, runs finalizers (PEP 442) on
// the unreachable set, drops resurrected objects, then tp_clear's the rest.
#include "vm/gc.h"

#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

bool is_gc(Object* o) {
    Type* t = o->ob_type;
    if (!(t->tp_flags & TPF_HAVE_GC)) return false;
    if (t->tp_flags & TPF_TYPE_SUBCLASS) return (static_cast<Type*>(o)->tp_flags & TPF_HEAPTYPE) != 0;
    return true;
}

// ---- intrusive lists
static void list_init(GcHead* h) { h->gc_next = h->gc_prev = h; }
static bool list_empty(GcHead* h) { return h->gc_next == h; }
static void list_append(GcHead* node, GcHead* list) {
    GcHead* last = list->gc_prev;
    last->gc_next = node;
    node->gc_prev = last;
    node->gc_next = list;
    list->gc_prev = node;
}
static void list_remove(GcHead* node) {
    node->gc_prev->gc_next = node->gc_next;
    node->gc_next->gc_prev = node->gc_prev;
    node->gc_next = node->gc_prev = nullptr;
}
static void list_move(GcHead* node, GcHead* list) {
    node->gc_prev->gc_next = node->gc_next;
    node->gc_next->gc_prev = node->gc_prev;
    list_append(node, list);
}
static void list_merge(GcHead* from, GcHead* to) {
    if (list_empty(from)) return;
    GcHead* tail = to->gc_prev;
    tail->gc_next = from->gc_next;
    from->gc_next->gc_prev = tail;
    to->gc_prev = from->gc_prev;
    to->gc_prev->gc_next = to;
    list_init(from);
}
static intptr_t list_size(GcHead* h) {
    intptr_t n = 0;
    for (GcHead* g = h->gc_next; g != h; g = g->gc_next) n++;
    return n;
}

GcState* gc_state_new() {
    GcState* st = new GcState();
    int th[3] = {700, 10, 10};
    for (int i = 0; i < 3; i++) {
        list_init(&st->generations[i].head);
        st->generations[i].threshold = th[i];
        st->generations[i].count = 0;
    }
    list_init(&st->permanent);
    return st;
}

void gc_state_free(GcState* st) { delete st; }

void gc_track(Object* o) {
    if (!t_rt || !is_gc(o)) return;
    GcHead* g = as_gc(o);
    if (g->gc_flags & (GC_TRACKED | GC_IMMORTAL)) return;
    g->gc_flags |= GC_TRACKED;
    list_append(g, &t_rt->gc->generations[0].head);
}

void gc_untrack(Object* o) {
    if (!is_gc(o)) return;
    GcHead* g = as_gc(o);
    if (!(g->gc_flags & GC_TRACKED)) return;
    list_remove(g);
    g->gc_flags &= ~(GC_TRACKED | GC_COLLECTING | GC_UNREACHABLE);
}

static intptr_t gc_collect_generations();

void gc_on_alloc() {
    Runtime& r = rt();
    GcState* st = r.gc;
    if (!st) return;
    st->generations[0].count++;
    if (r.stress_gc && st->enabled && !st->collecting && !r.curexc) {
        st->collecting = true;
        gc_collect(0);
        st->collecting = false;
        return;
    }
    if (st->generations[0].count > st->generations[0].threshold && st->enabled && st->generations[0].threshold &&
        !st->collecting && !r.curexc) {
        st->collecting = true;
        gc_collect_generations();
        st->collecting = false;
    }
}

void gc_on_free() {
    GcState* st = rt().gc;
    if (st && st->generations[0].count > 0) st->generations[0].count--;
}

// ---- the algorithm
static int visit_decref(Object* op, void*) {
    if (is_gc(op)) {
        GcHead* g = as_gc(op);
        if (g->gc_flags & GC_COLLECTING) g->gc_refs--;
    }
    return 0;
}

static void update_refs(GcHead* containers) {
    for (GcHead* g = containers->gc_next; g != containers; g = g->gc_next) {
        g->gc_refs = from_gc(g)->ob_refcnt;
        g->gc_flags |= GC_COLLECTING;
    }
}

static void subtract_refs(GcHead* containers) {
    for (GcHead* g = containers->gc_next; g != containers; g = g->gc_next) {
        Object* op = from_gc(g);
        if (TraverseFn t = op->ob_type->tp_traverse) t(op, visit_decref, nullptr);
    }
}

static int visit_reachable(Object* op, void* arg) {
    if (!is_gc(op)) return 0;
    GcHead* g = as_gc(op);
    if (!(g->gc_flags & GC_COLLECTING)) return 0;
    GcHead* young = static_cast<GcHead*>(arg);
    if (g->gc_flags & GC_UNREACHABLE) {
        list_move(g, young);
        g->gc_flags &= ~GC_UNREACHABLE;
        g->gc_refs = 1;
    } else if (g->gc_refs == 0) {
        g->gc_refs = 1;
    }
    return 0;
}

static void move_unreachable(GcHead* young, GcHead* unreachable) {
    GcHead* g = young->gc_next;
    while (g != young) {
        if (g->gc_refs) {
            Object* op = from_gc(g);
            if (TraverseFn t = op->ob_type->tp_traverse) t(op, visit_reachable, young);
            g->gc_flags &= ~GC_COLLECTING;
            g = g->gc_next;
        } else {
            GcHead* next = g->gc_next;
            list_move(g, unreachable);
            g->gc_flags |= GC_UNREACHABLE;
            g = next;
        }
    }
}

static void deduce_unreachable(GcHead* base, GcHead* unreachable) {
    update_refs(base);
    subtract_refs(base);
    list_init(unreachable);
    move_unreachable(base, unreachable);
}

static bool may_be_tracked(Object* o) {
    return is_gc(o) && (!isinstance_exact(o, &Tuple_Type) || gc_is_tracked(o));
}

static void untrack_tuples(GcHead* head) {
    GcHead* g = head->gc_next;
    while (g != head) {
        GcHead* next = g->gc_next;
        Object* op = from_gc(g);
        if (op->ob_type == &Tuple_Type) {
            bool keep = false;
            for (intptr_t i = 0; i < tuple_size(op); i++) {
                Object* e = tuple_items(op)[i];
                if (!e || may_be_tracked(e)) {
                    keep = true;
                    break;
                }
            }
            if (!keep) gc_untrack(op);
        }
        g = next;
    }
}

static void untrack_dicts(GcHead* head) {
    GcHead* g = head->gc_next;
    while (g != head) {
        GcHead* next = g->gc_next;
        Object* op = from_gc(g);
        if (op->ob_type == &Dict_Type) {
            bool keep = false;
            intptr_t pos = 0;
            Object *k, *v;
            while (dict_next(op, &pos, &k, &v))
                if (may_be_tracked(k) || may_be_tracked(v)) {
                    keep = true;
                    break;
                }
            if (!keep) gc_untrack(op);
        }
        g = next;
    }
}

int weakref_handle_gc(GcHead* unreachable, GcHead* old);  // weakref_core.cpp

static void finalize_garbage(GcHead* collectable) {
    GcHead seen;
    list_init(&seen);
    while (!list_empty(collectable)) {
        GcHead* g = collectable->gc_next;
        Object* op = from_gc(g);
        list_move(g, &seen);
        FinalizeFn fin = op->ob_type->tp_finalize;
        if (!(g->gc_flags & GC_FINALIZED) && fin) {
            g->gc_flags |= GC_FINALIZED;
            incref(op);
            fin(op);
            decref(op);
        }
    }
    list_merge(&seen, collectable);
}

static void clear_collecting(GcHead* list) {
    for (GcHead* g = list->gc_next; g != list; g = g->gc_next) g->gc_flags &= ~(GC_COLLECTING | GC_UNREACHABLE);
}

static void delete_garbage(GcHead* collectable, GcHead* old) {
    bool prev = g_gc_clearing;
    g_gc_clearing = true;
    while (!list_empty(collectable)) {
        GcHead* g = collectable->gc_next;
        Object* op = from_gc(g);
        if (ClearFn clear = op->ob_type->tp_clear) {
            incref(op);
            clear(op);
            if (err_occurred()) {
                std::string tn = op->ob_type->tp_name;
                Object* saved = err_fetch();
                err_restore(saved);
                write_unraisable(nullptr);
            }
            decref(op);
        }
        if (collectable->gc_next == g) {
            g->gc_flags &= ~(GC_COLLECTING | GC_UNREACHABLE);
            list_move(g, old);
        }
    }
    g_gc_clearing = prev;
}

static std::vector<uint64_t> trace_ids(GcHead* list) {
    std::vector<uint64_t> ids;
    for (GcHead* g = list->gc_next; g != list; g = g->gc_next) {
        Object* o = from_gc(g);
        trace_created(o);
        if (o->ob_trace_id) ids.push_back(o->ob_trace_id);
    }
    return ids;
}

static intptr_t gc_collect_main(int generation) {
    Runtime& r = rt();
    GcState* st = r.gc;
    if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::GcStart;
        ev.value = trace::Value::integer(generation);
        t_sink->on_event(ev);
    }
    if (generation + 1 < 3) st->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) st->generations[i].count = 0;
    for (int i = 0; i < generation; i++) list_merge(&st->generations[i].head, &st->generations[generation].head);
    GcHead* young = &st->generations[generation].head;
    GcHead* old = generation < 2 ? &st->generations[generation + 1].head : young;

    GcHead unreachable;
    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if (young != old) {
        if (generation == 1) st->long_lived_pending += list_size(young);
        list_merge(young, old);
    } else {
        untrack_dicts(young);
        st->long_lived_pending = 0;
        st->long_lived_total = list_size(young);
    }
    for (GcHead* g = unreachable.gc_next; g != &unreachable; g = g->gc_next) g->gc_flags &= ~GC_UNREACHABLE;
    std::vector<uint64_t> found = t_sink ? trace_ids(&unreachable) : std::vector<uint64_t>{};

    intptr_t m = weakref_handle_gc(&unreachable, old);
    finalize_garbage(&unreachable);
    // handle_resurrected_objects
    clear_collecting(&unreachable);
    GcHead final_unreachable;
    deduce_unreachable(&unreachable, &final_unreachable);
    for (GcHead* g = final_unreachable.gc_next; g != &final_unreachable; g = g->gc_next)
        g->gc_flags &= ~GC_UNREACHABLE;
    clear_collecting(&unreachable);
    list_merge(&unreachable, old);

    m += list_size(&final_unreachable);
    delete_garbage(&final_unreachable, old);
    st->collections[generation]++;
    st->collected[generation] += m;
    if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::GcEnd;
        ev.value = trace::Value::integer(m);
        ev.objects = std::move(found);
        t_sink->on_event(ev);
    }
    return m;
}

static void invoke_callbacks(const char* phase, int generation, intptr_t collected) {
    GcState* st = rt().gc;
    if (!st->callbacks || list_items(st->callbacks).empty()) return;
    Object* info = new_dict();
    Object* g = new_int(generation);
    Object* c = new_int(collected);
    Object* u = new_int(0);
    dict_set_cstr(info, "generation", g);
    dict_set_cstr(info, "collected", c);
    dict_set_cstr(info, "uncollectable", u);
    decref(g);
    decref(c);
    decref(u);
    Object* ph = new_str(phase);
    std::vector<Object*> cbs = list_items(st->callbacks);
    for (Object* cb : cbs) incref(cb);
    for (Object* cb : cbs) {
        Object* args[2] = {ph, info};
        Object* res = call(cb, args, 2);
        if (!res) write_unraisable(cb);
        xdecref(res);
    }
    for (Object* cb : cbs) decref(cb);
    decref(ph);
    decref(info);
}

static intptr_t collect_with_callback(int generation) {
    invoke_callbacks("start", generation, 0);
    intptr_t n = gc_collect_main(generation);
    invoke_callbacks("stop", generation, n);
    return n;
}

static intptr_t gc_collect_generations() {
    GcState* st = rt().gc;
    for (int i = 2; i >= 0; i--) {
        if (st->generations[i].count > st->generations[i].threshold) {
            if (i == 2 && st->long_lived_pending < st->long_lived_total / 4) continue;
            return collect_with_callback(i);
        }
    }
    return 0;
}

intptr_t gc_collect(int generation) {
    GcState* st = rt().gc;
    if (st->collecting && !rt().stress_gc) return 0;
    bool was = st->collecting;
    st->collecting = true;
    Object* saved = err_fetch();
    intptr_t n = collect_with_callback(generation);
    err_restore(saved);
    st->collecting = was;
    return n;
}

void gc_collect_at_exit() {
    GcState* st = rt().gc;
    if (st->collecting) return;
    st->collecting = true;
    gc_collect_main(2);
    st->collecting = false;
}

void gc_for_each_tracked(void (*fn)(Object*, void*), void* arg) {
    GcState* st = rt().gc;
    std::vector<Object*> all;
    for (int i = 0; i < 3; i++)
        for (GcHead* g = st->generations[i].head.gc_next; g != &st->generations[i].head; g = g->gc_next)
            all.push_back(from_gc(g));
    for (Object* o : all) fn(o, arg);
}

}  // namespace ys::vm
