// Function objects and argument binding (initialize_locals in Python/ceval.c), with
// CPython 3.11's error messages for bad calls.
#include <cstdio>

#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Function_Type;
Object* new_method(Object* func, Object* self);
void clear_weakrefs(Object* o);

static FunctionObject* F(Object* o) { return static_cast<FunctionObject*>(o); }

static void func_dealloc(Object* o) {
    gc_untrack(o);
    FunctionObject* f = F(o);
    if (f->func_weakreflist) clear_weakrefs(o);
    clearref(&f->func_globals);
    clearref(&f->func_builtins);
    clearref(&f->func_module);
    clearref(&f->func_defaults);
    clearref(&f->func_kwdefaults);
    clearref(&f->func_doc);
    clearref(&f->func_dict);
    clearref(&f->func_closure);
    xdecref(f->func_code);
    xdecref(f->func_name);
    xdecref(f->func_qualname);
    free_object(o);
}

static int func_traverse(Object* o, VisitFn visit, void* arg) {
    FunctionObject* f = F(o);
    for (Object* x : {f->func_code, f->func_globals, f->func_module, f->func_defaults, f->func_kwdefaults,
                      f->func_doc, f->func_name, f->func_dict, f->func_closure, f->func_qualname})
        if (x) if (int r = visit(x, arg)) return r;
    return 0;
}

static int func_clear(Object* o) {
    FunctionObject* f = F(o);
    clearref(&f->func_globals);
    clearref(&f->func_builtins);
    clearref(&f->func_module);
    clearref(&f->func_defaults);
    clearref(&f->func_kwdefaults);
    clearref(&f->func_doc);
    clearref(&f->func_dict);
    clearref(&f->func_closure);
    return 0;
}

static std::string qualname(FunctionObject* f) { return str_value(f->func_qualname); }

static void too_many_positional(FunctionObject* func, CodeObj* co, size_t given, Object** lp) {
    const CodeObject& c = *co->code;
    size_t kwonly_given = 0;
    for (int i = c.co_argcount; i < c.co_argcount + c.co_kwonlyargcount; i++)
        if (lp[i]) kwonly_given++;
    intptr_t defcount = func->func_defaults ? tuple_size(func->func_defaults) : 0;
    std::string sig;
    bool plural;
    if (defcount) {
        plural = true;
        sig = "from " + std::to_string(c.co_argcount - defcount) + " to " + std::to_string(c.co_argcount);
    } else {
        plural = c.co_argcount != 1;
        sig = std::to_string(c.co_argcount);
    }
    std::string kwonly_sig;
    if (kwonly_given) {
        kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                     std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
    }
    raise_format(&TypeError_Type, "%s() takes %s positional argument%s but %zu%s %s given", qualname(func).c_str(),
                 sig.c_str(), plural ? "s" : "", given, kwonly_sig.c_str(),
                 given == 1 && !kwonly_given ? "was" : "were");
}

static void missing_arguments(FunctionObject* func, CodeObj* co, intptr_t defcount, Object** lp) {
    const CodeObject& c = *co->code;
    bool positional = defcount != -1;
    int start = positional ? 0 : c.co_argcount;
    int end = positional ? c.co_argcount - static_cast<int>(defcount) : c.co_argcount + c.co_kwonlyargcount;
    std::vector<std::string> names;
    for (int i = start; i < end; i++)
        if (!lp[i]) names.push_back(repr_string(tuple_items(co->localsplusnames)[i]));
    std::string s;
    size_t n = names.size();
    if (n == 1) s = names[0];
    else if (n == 2) s = names[0] + " and " + names[1];
    else {
        for (size_t i = 0; i + 2 < n; i++) s += (i ? ", " : "") + names[i];
        s += ", " + names[n - 2] + ", and " + names[n - 1];
    }
    raise_format(&TypeError_Type, "%s() missing %zu required %s argument%s: %s", qualname(func).c_str(), n,
                 positional ? "positional" : "keyword-only", n == 1 ? "" : "s", s.c_str());
}

// Binds arguments into the frame's localsplus (which must be all-null). `args` are
// borrowed unless `steal`, in which case the references move into the frame (and are
// released on failure). Returns false with the error set.
static bool initialize_locals(FunctionObject* func, Frame* frame, Object* const* args, size_t argcount,
                              Object* kwnames, bool steal) {
    CodeObj* co = static_cast<CodeObj*>(func->func_code);
    const CodeObject& c = *co->code;
    Object** lp = frame->localsplus();
    int total_args = c.co_argcount + c.co_kwonlyargcount;
    size_t kwcount = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
    auto take = [&](Object* o) { return steal ? o : newref(o); };
    auto drop_rest = [&](size_t from_kw) {
        if (steal)
            for (size_t i = from_kw; i < kwcount; i++) decref(args[argcount + i]);
    };
    Object* kwdict = nullptr;
    if (c.co_flags & CO_VARKEYWORDS) {
        kwdict = new_dict();
        if (!kwdict) return false;
        int i = total_args + ((c.co_flags & CO_VARARGS) ? 1 : 0);
        lp[i] = kwdict;
    }
    size_t n = std::min(argcount, static_cast<size_t>(c.co_argcount));
    for (size_t j = 0; j < n; j++) lp[j] = take(args[j]);
    if (c.co_flags & CO_VARARGS) {
        Object* u = tuple_from(args + n, static_cast<intptr_t>(argcount - n));
        if (steal)
            for (size_t j = n; j < argcount; j++) decref(args[j]);
        if (!u) return false;
        lp[total_args] = u;
    } else if (argcount > n && steal) {
        for (size_t j = n; j < argcount; j++) decref(args[j]);
    }
    for (size_t i = 0; i < kwcount; i++) {
        Object* keyword = tuple_items(kwnames)[i];
        Object* value = args[argcount + i];
        int j = c.co_posonlyargcount;
        for (; j < total_args; j++) {
            Object* name = tuple_items(co->localsplusnames)[j];
            if (name == keyword || str_equal(name, keyword)) break;
        }
        if (j >= total_args) {
            if (!kwdict) {
                // positional-only passed as keyword?
                std::vector<std::string> posonly;
                for (size_t k = 0; k < kwcount; k++)
                    for (int p = 0; p < c.co_posonlyargcount; p++)
                        if (str_equal(tuple_items(co->localsplusnames)[p], tuple_items(kwnames)[k]))
                            posonly.push_back(str_value(tuple_items(kwnames)[k]));
                if (!posonly.empty()) {
                    std::string s;
                    for (size_t k = 0; k < posonly.size(); k++) s += (k ? ", " : "") + posonly[k];
                    raise_format(&TypeError_Type,
                                 "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                                 qualname(func).c_str(), s.c_str());
                } else {
                    raise_format(&TypeError_Type, "%s() got an unexpected keyword argument '%s'",
                                 qualname(func).c_str(), str_value(keyword).c_str());
                }
                drop_rest(i);
                return false;
            }
            if (dict_set(kwdict, keyword, value) < 0) {
                drop_rest(i);
                return false;
            }
            if (steal) decref(value);
            continue;
        }
        if (lp[j]) {
            raise_format(&TypeError_Type, "%s() got multiple values for argument '%s'", qualname(func).c_str(),
                         str_value(keyword).c_str());
            drop_rest(i);
            return false;
        }
        lp[j] = take(value);
    }
    if (argcount > static_cast<size_t>(c.co_argcount) && !(c.co_flags & CO_VARARGS)) {
        too_many_positional(func, co, argcount, lp);
        return false;
    }
    if (argcount < static_cast<size_t>(c.co_argcount)) {
        intptr_t defcount = func->func_defaults ? tuple_size(func->func_defaults) : 0;
        intptr_t m = c.co_argcount - defcount;
        intptr_t missing = 0;
        for (intptr_t i = static_cast<intptr_t>(argcount); i < m; i++)
            if (!lp[i]) missing++;
        if (missing) {
            missing_arguments(func, co, defcount, lp);
            return false;
        }
        intptr_t i = static_cast<intptr_t>(n) > m ? static_cast<intptr_t>(n) - m : 0;
        for (; i < defcount; i++)
            if (!lp[m + i]) lp[m + i] = newref(tuple_items(func->func_defaults)[i]);
    }
    if (c.co_kwonlyargcount > 0) {
        intptr_t missing = 0;
        for (int i = c.co_argcount; i < total_args; i++) {
            if (lp[i]) continue;
            Object* name = tuple_items(co->localsplusnames)[i];
            if (func->func_kwdefaults) {
                if (Object* def = dict_get(func->func_kwdefaults, name)) {
                    lp[i] = newref(def);
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(func, co, -1, lp);
            return false;
        }
    }
    return true;
}

// _PyEvalFramePushAndInit: on failure the half-built frame is cleared and popped.
Frame* push_frame_and_init(FunctionObject* func, Object* locals, Object* const* args, size_t nargs,
                           Object* kwnames, bool steal) {
    CodeObj* co = static_cast<CodeObj*>(func->func_code);
    Frame* f = alloc_thread_frame(co);
    if (!f) {
        raise_no_memory();
        return nullptr;
    }
    f->f_func = newref(static_cast<Object*>(func));
    f->f_globals = func->func_globals;
    f->f_builtins = func->func_builtins;
    f->f_locals = locals ? newref(locals) : nullptr;
    f->f_code = static_cast<CodeObj*>(newref(static_cast<Object*>(co)));
    f->frame_obj = nullptr;
    f->previous = nullptr;
    f->prev_instr = -1;
    f->is_entry = false;
    f->owner = FRAME_OWNED_BY_THREAD;
    Object** lp = f->localsplus();
    for (int i = 0; i < co->nlocalsplus; i++) lp[i] = nullptr;
    f->stacktop = co->nlocalsplus;
    if (!initialize_locals(func, f, args, nargs, kwnames, steal)) {
        pop_frame(f);
        return nullptr;
    }
    return f;
}

Frame* push_function_frame(FunctionObject* func, Object* const* args, size_t nargs, Object* kwnames) {
    CodeObj* co = static_cast<CodeObj*>(func->func_code);
    Object* locals = (co->flags & CO_OPTIMIZED) ? nullptr : func->func_globals;
    return push_frame_and_init(func, locals, args, nargs, kwnames, false);
}

Object* call_function(Object* func, Object* const* args, size_t nargs, Object* kwnames) {
    Frame* f = push_function_frame(F(func), args, nargs, kwnames);
    if (!f) return nullptr;
    Object* r = eval_frame(f, false);
    pop_frame(f);  // _PyEvalFrameClearAndPop, as _PyEval_Vector does after the call
    return r;
}

static Object* func_descr_get(Object* func, Object* obj, Object*) {
    if (!obj || obj == YS_None) return newref(func);
    return new_method(func, obj);
}

static Object* func_repr(Object* o) {
    char buf[64];
    snprintf(buf, sizeof buf, " at %p>", object_address_ptr(o));
    return new_str("<function " + qualname(F(o)) + buf);
}

static Object* get_name(Object* o) { return newref(F(o)->func_name); }
static int set_name(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "__name__ must be set to a string object");
        return -1;
    }
    setref(&F(o)->func_name, newref(v));
    return 0;
}
static Object* get_qualname(Object* o) { return newref(F(o)->func_qualname); }
static int set_qualname(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "__qualname__ must be set to a string object");
        return -1;
    }
    setref(&F(o)->func_qualname, newref(v));
    return 0;
}
static Object* get_code(Object* o) { return newref(F(o)->func_code); }
static Object* get_defaults(Object* o) { return F(o)->func_defaults ? newref(F(o)->func_defaults) : none(); }
static int set_defaults(Object* o, Object* v) {
    setref(&F(o)->func_defaults, v && v != YS_None ? newref(v) : nullptr);
    return 0;
}
static Object* get_kwdefaults(Object* o) { return F(o)->func_kwdefaults ? newref(F(o)->func_kwdefaults) : none(); }
static Object* get_globals(Object* o) { return newref(F(o)->func_globals); }
static Object* get_closure(Object* o) { return F(o)->func_closure ? newref(F(o)->func_closure) : none(); }
static Object* get_doc(Object* o) { return F(o)->func_doc ? newref(F(o)->func_doc) : none(); }
static int set_doc(Object* o, Object* v) {
    setref(&F(o)->func_doc, v ? newref(v) : nullptr);
    return 0;
}
static Object* get_module(Object* o) { return F(o)->func_module ? newref(F(o)->func_module) : none(); }
static int set_module(Object* o, Object* v) {
    setref(&F(o)->func_module, v ? newref(v) : nullptr);
    return 0;
}
static Object* get_annotations(Object*) { return new_dict(); }

static void func_trace_fields(Object* o, trace::TraceSink* sink) {
    FunctionObject* f = F(o);
    sink->on_field_set(o->ob_trace_id, "func_code", trace::Value::pointer(f->func_code->ob_trace_id));
    sink->on_field_set(o->ob_trace_id, "func_name", trace_str_text(f->func_name));
    sink->on_field_set(o->ob_trace_id, "func_qualname", trace_str_text(f->func_qualname));
    if (f->func_closure)
        for (intptr_t i = 0; i < tuple_size(f->func_closure); i++) {
            Object* c = tuple_items(f->func_closure)[i];
            trace_created(c);
            sink->on_field_set(o->ob_trace_id, "func_closure[" + std::to_string(i) + "]",
                               trace::Value::pointer(c->ob_trace_id));
        }
}

// MAKE_FUNCTION: the function takes over `code` and the optional parts (new refs).
Object* make_function(Object* code, Object* globals, Object* builtins, Object* defaults, Object* kwdefaults,
                      Object* closure) {
    FunctionObject* f = alloc<FunctionObject>(&Function_Type);
    if (!f) return nullptr;
    CodeObj* co = static_cast<CodeObj*>(code);
    f->func_globals = newref(globals);
    f->func_builtins = newref(builtins);
    f->func_name = newref(co->co_name);
    f->func_qualname = newref(co->co_qualname);
    f->func_code = code;
    f->func_defaults = defaults;
    f->func_kwdefaults = kwdefaults;
    f->func_closure = closure;
    Object* doc = nullptr;
    if (tuple_size(co->consts) > 0 && is_str(tuple_items(co->consts)[0]) && co->code->co_consts[0].kind == Constant::Kind::Str)
        doc = tuple_items(co->consts)[0];
    f->func_doc = doc ? newref(doc) : nullptr;
    if (Object* m = dict_get_cstr(globals, "__name__")) f->func_module = newref(m);
    gc_track(f);
    if (t_sink) trace_fields(f);
    return f;
}

void init_function_type() {
    Type* t = &Function_Type;
    t->tp_name = "function";
    t->tp_basicsize = sizeof(FunctionObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = func_dealloc;
    t->tp_traverse = func_traverse;
    t->tp_clear = func_clear;
    t->tp_call = call_function;
    t->tp_descr_get = func_descr_get;
    t->tp_repr = func_repr;
    t->tp_trace_fields = func_trace_fields;
    t->tp_dictoffset = offsetof(FunctionObject, func_dict);
    t->tp_weaklistoffset = offsetof(FunctionObject, func_weakreflist);
    t->tp_getset = {{"__name__", get_name, set_name},
                    {"__qualname__", get_qualname, set_qualname},
                    {"__code__", get_code},
                    {"__defaults__", get_defaults, set_defaults},
                    {"__kwdefaults__", get_kwdefaults},
                    {"__globals__", get_globals},
                    {"__closure__", get_closure},
                    {"__doc__", get_doc, set_doc},
                    {"__module__", get_module, set_module},
                    {"__annotations__", get_annotations}};
}

}  // namespace ys::vm
