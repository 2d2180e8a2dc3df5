// The `inspect` subset: generator/coroutine state (getgeneratorstate,
// getcoroutinestate) and the predicates (isgenerator, isgeneratorfunction,
// iscoroutine, iscoroutinefunction, ...), written the way Lib/inspect.py does them:
// through the objects' attributes and the code flags.
#include "vm/builtins_util.h"
#include "vm/frame.h"

namespace ys::vm {

enum CodeFlags : uint32_t {
    kCoGenerator = 0x20,
    kCoCoroutine = 0x80,
    kCoIterableCoroutine = 0x100,
    kCoAsyncGenerator = 0x200,
};

static bool one_arg(const char* name, size_t nargs, Object* kwnames) {
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 1, 1);
}

// _has_code_flag: unwraps bound methods, then needs a Python function.
static int has_code_flag(Object* f, uint32_t flag) {
    Object* func = newref(f);
    while (func->ob_type == &Method_Type) {
        Object* inner = get_attr_str(func, "__func__");
        decref(func);
        if (!inner) return -1;
        func = inner;
    }
    bool r = func->ob_type == &Function_Type &&
             (static_cast<CodeObj*>(static_cast<FunctionObject*>(func)->func_code)->flags & flag) != 0;
    decref(func);
    return r;
}

// A truthy attribute of obj (e.g. gi_running); -1 on error.
static int attr_true(Object* obj, const char* name) {
    Object* v = get_attr_str(obj, name);
    if (!v) return -1;
    int t = object_is_true(v);
    decref(v);
    return t;
}

static Object* state_of(Object* obj, const char* prefix, const char* states[4]) {
    std::string p = prefix;
    int running = attr_true(obj, (p + "_running").c_str());
    if (running < 0) return nullptr;
    if (running) return new_str(states[1]);
    int suspended = attr_true(obj, (p + "_suspended").c_str());
    if (suspended < 0) return nullptr;
    if (suspended) return new_str(states[2]);
    Object* frame = get_attr_str(obj, (p + "_frame").c_str());
    if (!frame) return nullptr;
    bool closed = frame == YS_None;
    decref(frame);
    return new_str(closed ? states[3] : states[0]);
}

static Object* inspect_getgeneratorstate(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!one_arg("getgeneratorstate", nargs, kwnames)) return nullptr;
    static const char* states[4] = {"GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED"};
    return state_of(args[0], "gi", states);
}

static Object* inspect_getcoroutinestate(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!one_arg("getcoroutinestate", nargs, kwnames)) return nullptr;
    static const char* states[4] = {"CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "CORO_CLOSED"};
    return state_of(args[0], "cr", states);
}

static bool type_named(Object* o, const char* name) { return o->ob_type->tp_name == name; }

#define PREDICATE(fname, expr)                                                        \
    static Object* fname(Object*, Object* const* args, size_t nargs, Object* kwnames) { \
        if (!one_arg(#fname + 8, nargs, kwnames)) return nullptr;                     \
        Object* o = args[0];                                                          \
        return new_bool(expr);                                                        \
    }
PREDICATE(inspect_isgenerator, isinstance(o, &Generator_Type))
PREDICATE(inspect_iscoroutine, type_named(o, "coroutine"))
PREDICATE(inspect_isasyncgen, type_named(o, "async_generator"))
PREDICATE(inspect_isfunction, isinstance(o, &Function_Type))
PREDICATE(inspect_ismethod, isinstance(o, &Method_Type))
PREDICATE(inspect_isclass, has_flag(o, TPF_TYPE_SUBCLASS))
PREDICATE(inspect_ismodule, isinstance(o, &Module_Type))
PREDICATE(inspect_isbuiltin, isinstance(o, &BuiltinFunction_Type))
PREDICATE(inspect_isframe, isinstance(o, &Frame_Type))
PREDICATE(inspect_iscode, isinstance(o, &Code_Type))
PREDICATE(inspect_istraceback, isinstance(o, &Traceback_Type))
#undef PREDICATE

#define FLAG_PREDICATE(fname, flag)                                                   \
    static Object* fname(Object*, Object* const* args, size_t nargs, Object* kwnames) { \
        if (!one_arg(#fname + 8, nargs, kwnames)) return nullptr;                     \
        int r = has_code_flag(args[0], flag);                                         \
        return r < 0 ? nullptr : new_bool(r);                                         \
    }
FLAG_PREDICATE(inspect_isgeneratorfunction, kCoGenerator)
FLAG_PREDICATE(inspect_iscoroutinefunction, kCoCoroutine)
FLAG_PREDICATE(inspect_isasyncgenfunction, kCoAsyncGenerator)
#undef FLAG_PREDICATE

// isawaitable: a coroutine, a generator marked by types.coroutine, or __await__.
static Object* inspect_isawaitable(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!one_arg("isawaitable", nargs, kwnames)) return nullptr;
    Object* o = args[0];
    if (type_named(o, "coroutine")) return new_bool(true);
    if (isinstance(o, &Generator_Type)) {
        auto* g = static_cast<GenObject*>(o);
        return new_bool((static_cast<CodeObj*>(g->gi_code)->flags & kCoIterableCoroutine) != 0);
    }
    return new_bool(type_lookup(o->ob_type, intern("__await__")) != nullptr);
}

static const MethodDef kInspectFunctions[] = {
    {"getgeneratorstate", inspect_getgeneratorstate},
    {"getcoroutinestate", inspect_getcoroutinestate},
    {"isgenerator", inspect_isgenerator},
    {"iscoroutine", inspect_iscoroutine},
    {"isasyncgen", inspect_isasyncgen},
    {"isfunction", inspect_isfunction},
    {"ismethod", inspect_ismethod},
    {"isclass", inspect_isclass},
    {"ismodule", inspect_ismodule},
    {"isbuiltin", inspect_isbuiltin},
    {"isframe", inspect_isframe},
    {"iscode", inspect_iscode},
    {"istraceback", inspect_istraceback},
    {"isgeneratorfunction", inspect_isgeneratorfunction},
    {"iscoroutinefunction", inspect_iscoroutinefunction},
    {"isasyncgenfunction", inspect_isasyncgenfunction},
    {"isawaitable", inspect_isawaitable},
};

int init_inspect(Object* m) {
    for (const MethodDef& def : kInspectFunctions)
        if (add_function(m, &def) < 0) return -1;
    const char* names[] = {"GEN_CREATED",  "GEN_RUNNING",  "GEN_SUSPENDED",  "GEN_CLOSED",
                           "CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "CORO_CLOSED"};
    for (const char* n : names) {
        Object* s = new_str(n);
        if (!s || add_object(m, n, s) < 0) return -1;
        decref(s);
    }
    return 0;
}

}  // namespace ys::vm
