// Native functions: builtin function objects (PyCFunctionObject) and argument parsing
// with CPython's error messages.
#include <cstdio>
#include <cstring>

#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type BuiltinFunction_Type;

Object* new_builtin_function(const MethodDef* def, Object* self) {
    BuiltinFunctionObject* f = alloc<BuiltinFunctionObject>(&BuiltinFunction_Type);
    if (!f) return nullptr;
    f->def = def;
    f->self = self ? newref(self) : nullptr;
    gc_track(f);
    return f;
}

static void bf_dealloc(Object* o) {
    gc_untrack(o);
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    xdecref(f->self);
    xdecref(f->module_name);
    free_object(o);
}
static int bf_traverse(Object* o, VisitFn visit, void* arg) {
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    return f->self ? visit(f->self, arg) : 0;
}
static Object* bf_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    // cfunction_vectorcall_*: every builtin call counts toward the recursion limit.
    if (!enter_recursive_call(" while calling a Python object")) return nullptr;
    Object* r = f->def->fn(f->self, args, nargs, kwnames);
    leave_recursive_call();
    return r;
}
static Object* bf_repr(Object* o) {
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    if (!f->self || f->self->ob_type == &Module_Type)
        return new_str(std::string("<built-in function ") + f->def->name + ">");
    char buf[64];
    snprintf(buf, sizeof buf, " object at %p>", object_address_ptr(f->self));
    return new_str(std::string("<built-in method ") + f->def->name + " of " + type_name(f->self) + buf);
}
static Object* bf_name(Object* o) { return new_str(static_cast<BuiltinFunctionObject*>(o)->def->name); }
static Object* bf_self(Object* o) {
    Object* s = static_cast<BuiltinFunctionObject*>(o)->self;
    return s ? newref(s) : none();
}

bool no_kwargs(const char* fname, Object* kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        raise_format(&TypeError_Type, "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return true;
    if (min == max) {
        if (min == 0)
            raise_format(&TypeError_Type, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1)
            raise_format(&TypeError_Type, "%s() takes exactly one argument (%zu given)", fname, nargs);
        else
            raise_format(&TypeError_Type, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        raise_format(&TypeError_Type, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s",
                     nargs);
    } else {
        raise_format(&TypeError_Type, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s",
                     nargs);
    }
    return false;
}

bool parse_args(const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                std::initializer_list<const char*> names, size_t nrequired, Object** out, size_t npos_only) {
    size_t n = names.size();
    for (size_t i = 0; i < n; i++) out[i] = nullptr;
    if (nargs > n) {
        raise_format(&TypeError_Type, "%s() takes at most %zu argument%s (%zu given)", fname, n, n == 1 ? "" : "s",
                     nargs);
        return false;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    if (kwnames) {
        for (intptr_t k = 0; k < tuple_size(kwnames); k++) {
            const std::string& kw = str_value(tuple_items(kwnames)[k]);
            size_t idx = 0;
            bool found = false;
            for (const char* nm : names) {
                if (kw == nm && idx >= npos_only) {
                    found = true;
                    break;
                }
                idx++;
            }
            if (!found) {
                raise_format(&TypeError_Type, "%s() got an unexpected keyword argument '%s'", fname, kw.c_str());
                return false;
            }
            if (out[idx]) {
                raise_format(&TypeError_Type, "argument for %s() given by name ('%s') and position (%zu)", fname,
                             kw.c_str(), idx + 1);
                return false;
            }
            out[idx] = args[nargs + static_cast<size_t>(k)];
        }
    }
    size_t i = 0;
    for (const char* nm : names) {
        if (i < nrequired && !out[i]) {
            if (i < npos_only)
                raise_format(&TypeError_Type, "%s() takes at least %zu positional argument%s (%zu given)", fname,
                             nrequired, nrequired == 1 ? "" : "s", nargs);
            else
                raise_format(&TypeError_Type, "%s() missing required argument '%s' (pos %zu)", fname, nm, i + 1);
            return false;
        }
        i++;
    }
    return true;
}

void init_native_types() {
    Type* t = &BuiltinFunction_Type;
    t->tp_name = "builtin_function_or_method";
    t->tp_basicsize = sizeof(BuiltinFunctionObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = bf_dealloc;
    t->tp_traverse = bf_traverse;
    t->tp_call = bf_call;
    t->tp_repr = bf_repr;
    t->tp_getset = {{"__name__", bf_name}, {"__qualname__", bf_name}, {"__self__", bf_self}};
}

}  // namespace ys::vm
