// Weak references: the layout (PyWeakReference) and the API the weakref module
// front-end (module_weakref.cpp) builds on.
#pragma once

#include "vm/object.h"

namespace ys::vm {

extern Type WeakRef_Type;

struct WeakRefObject : Object {
    Object* wr_object;        // borrowed; None once cleared
    Object* wr_callback;      // strong or null
    intptr_t hash;
    WeakRefObject* wr_prev;
    WeakRefObject* wr_next;
};

// weakref.ref(ob, callback): reuses the basic ref when there is no callback.
Object* new_weakref(Object* ob, Object* callback);
Object* weakref_get(Object* ref);        // borrowed referent, or None when dead
intptr_t weakref_count(Object* ob);      // weakref.getweakrefcount
// PyObject_ClearWeakRefs: clears every weakref to `o` and calls their callbacks.
void clear_weakrefs(Object* o);

}  // namespace ys::vm
