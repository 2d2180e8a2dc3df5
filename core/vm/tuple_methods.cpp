// tuple methods: index (with start/stop) and count, with CPython's error texts.
#include "vm/builtins_util.h"

namespace ys::vm {

void clamp_range(Object* const* args, size_t nargs, intptr_t n, intptr_t* start, intptr_t* stop, bool* ok);  // list_methods.cpp

static Object* tuple_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("index", kwnames) || !check_nargs("index", nargs, 1, 3)) return nullptr;
    intptr_t start, stop;
    bool ok;
    clamp_range(args, nargs, tuple_size(self), &start, &stop, &ok);
    if (!ok) return nullptr;
    for (intptr_t i = start; i < stop; i++) {
        int r = rich_compare_bool(tuple_items(self)[i], args[0], 2);
        if (r < 0) return nullptr;
        if (r) return new_int(i);
    }
    return raise(&ValueError_Type, "tuple.index(x): x not in tuple");
}

static Object* tuple_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("tuple.count", kwnames) || !check_nargs("tuple.count", nargs, 1, 1)) return nullptr;
    int64_t c = 0;
    for (intptr_t i = 0; i < tuple_size(self); i++) {
        int r = rich_compare_bool(tuple_items(self)[i], args[0], 2);
        if (r < 0) return nullptr;
        c += r;
    }
    return new_int(c);
}

void init_tuple_methods() {
    Tuple_Type.tp_methods.push_back({"index", tuple_index});
    Tuple_Type.tp_methods.push_back({"count", tuple_count});
}

}  // namespace ys::vm
