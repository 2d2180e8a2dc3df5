// The `sys` module: argv, modules, stdout/stderr, getrefcount, exc_info/exception,
// the recursion limit, maxsize/version_info, exit, _getframe, and the coroutine /
// async-generator settings Level 2 reads (set_coroutine_origin_tracking_depth,
// set_asyncgen_hooks). The hooks live in the sys module's dict (under a private
// name) so they belong to one runtime and die with it.
#include "vm/builtins_util.h"
#include "vm/frame.h"

namespace ys::vm {

Object* new_text_stream(int stream);  // builtins_core.cpp

Type AsyncGenHooks_Type;

static constexpr const char* kHooksKey = "_asyncgen_hooks";
static constexpr const char* kOriginDepthKey = "_coroutine_origin_tracking_depth";

static Object* sys_dict() { return static_cast<ModuleObject*>(rt().sys_module)->md_dict; }

// ---- asyncgen_hooks(firstiter=..., finalizer=...): a small struct-sequence look-alike.
struct AsyncGenHooksObject : Object {
    Object* firstiter;
    Object* finalizer;
};
static Object* new_hooks(Object* firstiter, Object* finalizer) {
    auto* h = alloc<AsyncGenHooksObject>(&AsyncGenHooks_Type);
    if (!h) return nullptr;
    h->firstiter = newref(firstiter);
    h->finalizer = newref(finalizer);
    gc_track(h);
    return h;
}
static void hooks_dealloc(Object* o) {
    gc_untrack(o);
    auto* h = static_cast<AsyncGenHooksObject*>(o);
    xdecref(h->firstiter);
    xdecref(h->finalizer);
    free_object(o);
}
static int hooks_traverse(Object* o, VisitFn visit, void* arg) {
    auto* h = static_cast<AsyncGenHooksObject*>(o);
    if (h->firstiter && visit(h->firstiter, arg)) return 1;
    return h->finalizer ? visit(h->finalizer, arg) : 0;
}
static Object* hooks_repr(Object* o) {
    auto* h = static_cast<AsyncGenHooksObject*>(o);
    bool ok = true;
    std::string a = repr_string(h->firstiter, &ok);
    std::string b = ok ? repr_string(h->finalizer, &ok) : "";
    if (!ok) return nullptr;
    return new_str("asyncgen_hooks(firstiter=" + a + ", finalizer=" + b + ")");
}
static Object* hooks_firstiter(Object* o) { return newref(static_cast<AsyncGenHooksObject*>(o)->firstiter); }
static Object* hooks_finalizer(Object* o) { return newref(static_cast<AsyncGenHooksObject*>(o)->finalizer); }
static intptr_t hooks_len(Object*) { return 2; }
static Object* hooks_item(Object* o, Object* key) {
    bool ok;
    int64_t i = as_index(key, &ok);
    if (!ok) return nullptr;
    if (i < 0) i += 2;
    if (i < 0 || i > 1) return raise(&IndexError_Type, "tuple index out of range");
    return i == 0 ? hooks_firstiter(o) : hooks_finalizer(o);
}

// Borrowed; None when unset. For the async-generator machinery (Level 2).
Object* sys_asyncgen_firstiter() {
    if (!rt().sys_module) return YS_None;
    Object* h = dict_get_cstr(sys_dict(), kHooksKey);
    return h ? static_cast<AsyncGenHooksObject*>(h)->firstiter : YS_None;
}
Object* sys_asyncgen_finalizer() {
    if (!rt().sys_module) return YS_None;
    Object* h = dict_get_cstr(sys_dict(), kHooksKey);
    return h ? static_cast<AsyncGenHooksObject*>(h)->finalizer : YS_None;
}
int sys_coroutine_origin_tracking_depth() {
    if (!rt().sys_module) return 0;
    Object* d = dict_get_cstr(sys_dict(), kOriginDepthKey);
    return d ? static_cast<int>(int_value(d)) : 0;
}

static Object* sys_set_asyncgen_hooks(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[2];
    if (!parse_args("set_asyncgen_hooks", args, nargs, kwnames, {"firstiter", "finalizer"}, 0, a)) return nullptr;
    Object* first = sys_asyncgen_firstiter();
    Object* fin = sys_asyncgen_finalizer();
    // CPython validates finalizer first.
    if (a[1] && a[1] != YS_None && !callable_check(a[1]))
        return raise_format(&TypeError_Type, "callable finalizer expected, got %s", type_name(a[1]));
    if (a[0] && a[0] != YS_None && !callable_check(a[0]))
        return raise_format(&TypeError_Type, "callable firstiter expected, got %s", type_name(a[0]));
    Object* h = new_hooks(a[0] ? a[0] : first, a[1] ? a[1] : fin);
    if (!h) return nullptr;
    int r = dict_set_cstr(sys_dict(), kHooksKey, h);
    decref(h);
    if (r < 0) return nullptr;
    return none();
}

static Object* sys_get_asyncgen_hooks(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("get_asyncgen_hooks", kwnames) || !check_nargs("sys.get_asyncgen_hooks", nargs, 0, 0)) return nullptr;
    return new_hooks(sys_asyncgen_firstiter(), sys_asyncgen_finalizer());
}

static Object* sys_set_origin_depth(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[1];
    if (!parse_args("set_coroutine_origin_tracking_depth", args, nargs, kwnames, {"depth"}, 1, a)) return nullptr;
    bool ok;
    int64_t d = as_index(a[0], &ok);
    if (!ok) return nullptr;
    if (d < 0) return raise(&ValueError_Type, "depth must be >= 0");
    Object* v = new_int(d);
    if (!v) return nullptr;
    int r = dict_set_cstr(sys_dict(), kOriginDepthKey, v);
    decref(v);
    if (r < 0) return nullptr;
    return none();
}

static Object* sys_get_origin_depth(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("get_coroutine_origin_tracking_depth", kwnames) ||
        !check_nargs("sys.get_coroutine_origin_tracking_depth", nargs, 0, 0))
        return nullptr;
    return new_int(sys_coroutine_origin_tracking_depth());
}

// ---- reference counts, exceptions, recursion
static Object* sys_getrefcount(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sys.getrefcount", kwnames) || !check_nargs("sys.getrefcount", nargs, 1, 1)) return nullptr;
    // The argument is borrowed from the caller's value stack, which holds one
    // reference, exactly as in CPython: no adjustment needed.
    return new_int(args[0]->ob_refcnt);
}

// _PyErr_GetTopmostException: the innermost exception being handled, or null.
static Object* topmost_exception() {
    ExcStackItem* info = rt().exc_info;
    while (info && (!info->exc_value || info->exc_value == YS_None)) info = info->previous_item;
    return info ? info->exc_value : nullptr;
}

static Object* sys_exc_info(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sys.exc_info", kwnames) || !check_nargs("sys.exc_info", nargs, 0, 0)) return nullptr;
    Object* e = topmost_exception();
    if (!e) return tuple_pack({YS_None, YS_None, YS_None});
    Object* tb = static_cast<ExceptionObject*>(e)->traceback;
    return tuple_pack({e->ob_type, e, tb ? tb : YS_None});
}

static Object* sys_exception(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sys.exception", kwnames) || !check_nargs("sys.exception", nargs, 0, 0)) return nullptr;
    Object* e = topmost_exception();
    return e ? newref(e) : none();
}

static Object* sys_getrecursionlimit(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sys.getrecursionlimit", kwnames) || !check_nargs("sys.getrecursionlimit", nargs, 0, 0))
        return nullptr;
    return new_int(rt().recursion_limit);
}

static Object* sys_setrecursionlimit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("sys.setrecursionlimit", kwnames) || !check_nargs("sys.setrecursionlimit", nargs, 1, 1))
        return nullptr;
    if (is_float(args[0])) return raise(&TypeError_Type, "'float' object cannot be interpreted as an integer");
    bool ok;
    int64_t limit = as_index(args[0], &ok);
    if (!ok) return nullptr;
    if (limit < 1) return raise(&ValueError_Type, "recursion limit must be greater or equal than 1");
    if (limit > INT32_MAX) return raise(&OverflowError_Type, "Python int too large to convert to C int");
    Runtime& r = rt();
    int depth = r.recursion_limit - r.recursion_remaining;
    if (depth >= limit)
        return raise_format(&RecursionError_Type,
                            "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                            static_cast<int>(limit), depth);
    r.recursion_limit = static_cast<int>(limit);
    r.recursion_remaining = static_cast<int>(limit) - depth;
    return none();
}

static Object* sys_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("exit", kwnames) || !check_nargs("exit", nargs, 0, 1)) return nullptr;
    return raise_object(&SystemExit_Type, nargs ? args[0] : nullptr);
}

static Object* sys_getframe(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("_getframe", kwnames) || !check_nargs("_getframe", nargs, 0, 1)) return nullptr;
    int64_t depth = 0;
    if (nargs) {
        bool ok;
        depth = as_index(args[0], &ok);
        if (!ok) return nullptr;
    }
    Frame* f = rt().current_frame;
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (!f) return raise(&ValueError_Type, "call stack is not deep enough");
    return newref(static_cast<Object*>(frame_object_for(f)));
}

static Object* sys_intern(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("intern", kwnames) || !check_nargs("intern", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0])) return raise_format(&TypeError_Type, "intern() argument must be str, not %s", type_name(args[0]));
    return newref(intern(str_value(args[0])));
}

static const MethodDef kSysFunctions[] = {
    {"getrefcount", sys_getrefcount},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"exit", sys_exit},
    {"_getframe", sys_getframe},
    {"intern", sys_intern},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"set_coroutine_origin_tracking_depth", sys_set_origin_depth},
    {"get_coroutine_origin_tracking_depth", sys_get_origin_depth},
};

static int add_new(Object* m, const char* name, Object* v) {  // steals v
    if (!v) return -1;
    int r = add_object(m, name, v);
    decref(v);
    return r;
}

int init_sys(Object* m) {
    Runtime& r = rt();
    if (!r.sys_module) r.sys_module = newref(m);
    for (const MethodDef& def : kSysFunctions)
        if (add_function(m, &def) < 0) return -1;
    Object* argv = new_list(0);
    if (!argv) return -1;
    for (const std::string& a : r.argv) {
        Object* s = new_str(a);
        if (!s) {
            decref(argv);
            return -1;
        }
        list_items(argv).push_back(s);
    }
    if (add_new(m, "argv", argv) < 0) return -1;
    if (r.modules && add_object(m, "modules", r.modules) < 0) return -1;
    // The streams the runtime already writes through (run.cpp creates them).
    if (!r.sys_stdout) r.sys_stdout = new_text_stream(0);
    if (!r.sys_stderr) r.sys_stderr = new_text_stream(1);
    Object* out = r.sys_stdout ? newref(r.sys_stdout) : nullptr;
    Object* err = r.sys_stderr ? newref(r.sys_stderr) : nullptr;
    if (!out || !err) {
        xdecref(out);
        xdecref(err);
        return -1;
    }
    add_object(m, "stdout", out);
    add_object(m, "__stdout__", out);
    add_object(m, "stderr", err);
    add_object(m, "__stderr__", err);
    decref(out);
    decref(err);
    if (add_new(m, "maxsize", new_int(INT64_MAX)) < 0) return -1;
    Object* v3 = new_int(3);
    Object* v11 = new_int(11);
    Object* v7 = new_int(7);
    Object* fin = new_str("final");
    Object* v0 = new_int(0);
    Object* vi = tuple_pack({v3, v11, v7, fin, v0});
    for (Object* x : {v3, v11, v7, fin, v0}) decref(x);
    if (add_new(m, "version_info", vi) < 0) return -1;
    if (add_new(m, "version", new_str("3.11.7 (yieldscope mini-VM)")) < 0) return -1;
    if (add_new(m, "platform", new_str("linux")) < 0) return -1;
    if (add_new(m, "byteorder", new_str("little")) < 0) return -1;
    if (add_new(m, "path", new_list(0)) < 0) return -1;
    if (add_new(m, kHooksKey, new_hooks(YS_None, YS_None)) < 0) return -1;
    return 0;
}

void init_sys_types() {
    Type* t = &AsyncGenHooks_Type;
    t->tp_name = "asyncgen_hooks";
    t->tp_basicsize = sizeof(AsyncGenHooksObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = hooks_dealloc;
    t->tp_traverse = hooks_traverse;
    t->tp_repr = hooks_repr;
    t->mp_length = hooks_len;
    t->mp_subscript = hooks_item;
    t->tp_getset = {{"firstiter", hooks_firstiter}, {"finalizer", hooks_finalizer}};
    type_ready(t);
}

}  // namespace ys::vm
