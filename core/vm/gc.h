// Internal: the cycle collector's state (Modules/gcmodule.c's GCState).
#pragma once

#include "vm/object.h"

namespace ys::vm {

struct GcGeneration {
    GcHead head;      // circular list sentinel
    int threshold;
    int count;
};

struct GcState {
    GcGeneration generations[3];
    GcHead permanent;
    bool enabled = true;
    bool collecting = false;
    int64_t long_lived_total = 0;
    int64_t long_lived_pending = 0;
    Object* garbage = nullptr;   // gc.garbage list
    Object* callbacks = nullptr; // gc.callbacks list
    int64_t collections[3] = {0, 0, 0};
    int64_t collected[3] = {0, 0, 0};
    int64_t uncollectable[3] = {0, 0, 0};
};

GcState* gc_state_new();
void gc_state_free(GcState* st);
// Called by alloc_object for each new GC object (gen0 count + automatic collection).
void gc_on_alloc();
void gc_on_free();
// gc.collect(generation): returns the number of unreachable objects found, -1 error.
intptr_t gc_collect(int generation);
// Final collection at shutdown.
void gc_collect_at_exit();
// Visits everything that refers to an object (for gc.get_referrers).
void gc_for_each_tracked(void (*fn)(Object*, void*), void* arg);
extern bool g_gc_clearing;  // tp_clear phase in progress (Dealloc cause = CycleCollector)

}  // namespace ys::vm
