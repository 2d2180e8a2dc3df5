// The functions of the `builtins` module that are about objects in general: print,
// repr, len, iter/next, isinstance/issubclass, id/hash/callable, the getattr family,
// vars/dir. Numeric built-ins live in builtins_numeric.cpp, the iteration helpers
// (enumerate, zip, map, sorted, ...) in builtins_iter.cpp. Error texts are CPython
// 3.11's, checked against python3.
#include <algorithm>
#include <cstdio>

#include "vm/builtins.h"
#include "vm/builtins_util.h"
#include "vm/frame.h"
#include "vm/object_address.h"

namespace ys::vm {

Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found);  // class.cpp
int add_numeric_functions(Object* module);  // builtins_numeric.cpp
int add_iter_functions(Object* module);     // builtins_iter.cpp
int add_format_function(Object* module);   // str_format.cpp
void add_iter_dunders(Type* t);             // builtins_iter.cpp

Object* find_kwarg(Object* const* args, size_t nargs, Object* kwnames, std::string_view name) {
    if (!kwnames) return nullptr;
    for (intptr_t i = 0; i < tuple_size(kwnames); i++)
        if (str_value(tuple_items(kwnames)[i]) == name) return args[nargs + static_cast<size_t>(i)];
    return nullptr;
}

// ---- print
// sys.stdout / sys.stderr as print() sees them: the sys module's attribute once sys
// has been imported (so rebinding sys.stdout works), else the runtime's streams.
static Object* sys_stream(const char* name) {
    Runtime& r = rt();
    if (r.sys_module) return dict_get_cstr(static_cast<ModuleObject*>(r.sys_module)->md_dict, name);
    return name[3] == 'o' ? r.sys_stdout : r.sys_stderr;
}

int write_to_file(Object* file, std::string_view text) {
    Object* s = new_str(text);
    if (!s) return -1;
    Object* r = call_method(file, "write", &s, 1);
    decref(s);
    if (!r) return -1;
    decref(r);
    return 0;
}

static Object* builtin_print(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object *sep = nullptr, *end = nullptr, *file = nullptr, *flush = nullptr;
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++) {
            const std::string& k = str_value(tuple_items(kwnames)[i]);
            Object* v = args[nargs + static_cast<size_t>(i)];
            if (k == "sep") sep = v;
            else if (k == "end") end = v;
            else if (k == "file") file = v;
            else if (k == "flush") flush = v;
            else return raise_format(&TypeError_Type, "'%s' is an invalid keyword argument for print()", k.c_str());
        }
    }
    if (!file || file == YS_None) {
        file = sys_stream("stdout");
        // sys.stdout = None: print() does nothing, as CPython.
        if (!file || file == YS_None) return none();
    }
    if (sep == YS_None) sep = nullptr;
    if (end == YS_None) end = nullptr;
    if (sep && !is_str(sep))
        return raise_format(&TypeError_Type, "sep must be None or a string, not %s", type_name(sep));
    if (end && !is_str(end))
        return raise_format(&TypeError_Type, "end must be None or a string, not %s", type_name(end));
    incref(file);  // a write() may rebind sys.stdout
    if (file->ob_type == &TextIO_Type) {
        // The runtime's own stream: its write() is unobservable, so the pieces go out
        // in one write (one Output event when recording). Pending text is written
        // before a str() that may run user code, keeping the output order.
        std::string text;
        for (size_t i = 0; i < nargs; i++) {
            if (i > 0) text += sep ? std::string_view(str_value(sep)) : " ";
            if ((args[i]->ob_type->tp_flags & TPF_HEAPTYPE) && !text.empty()) {
                if (write_to_file(file, text) < 0) {
                    decref(file);
                    return nullptr;
                }
                text.clear();
            }
            Object* s = object_str(args[i]);
            if (!s) {
                decref(file);
                return nullptr;
            }
            text += str_value(s);
            decref(s);
        }
        text += end ? std::string_view(str_value(end)) : "\n";
        int r = write_to_file(file, text);
        if (r == 0 && flush) r = object_is_true(flush) < 0 ? -1 : 0;  // its flush() is a no-op
        decref(file);
        if (r < 0) return nullptr;
        return none();
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_to_file(file, sep ? std::string_view(str_value(sep)) : " ") < 0) {
            decref(file);
            return nullptr;
        }
        Object* s = object_str(args[i]);
        int r = s ? write_to_file(file, str_value(s)) : -1;
        xdecref(s);
        if (r < 0) {
            decref(file);
            return nullptr;
        }
    }
    if (write_to_file(file, end ? std::string_view(str_value(end)) : "\n") < 0) {
        decref(file);
        return nullptr;
    }
    if (flush) {
        int t = object_is_true(flush);
        if (t < 0) {
            decref(file);
            return nullptr;
        }
        if (t) {
            Object* r = call_method(file, "flush", nullptr, 0);
            if (!r) {
                decref(file);
                return nullptr;
            }
            decref(r);
        }
    }
    decref(file);
    return none();
}

// ---- repr / ascii / len / callable / id / hash
static Object* builtin_repr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return nullptr;
    return object_repr(args[0]);
}

static Object* builtin_ascii(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("ascii", kwnames) || !check_nargs("ascii", nargs, 1, 1)) return nullptr;
    Object* r = object_repr(args[0]);
    if (!r || static_cast<StrObject*>(r)->ascii) return r;
    std::string out;
    for (char32_t c : utf8_decode(str_value(r))) {
        char buf[16];
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x100) { snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c)); out += buf; }
        else if (c < 0x10000) { snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c)); out += buf; }
        else { snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c)); out += buf; }
    }
    decref(r);
    return new_str(out);
}

static Object* builtin_len(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return nullptr;
    intptr_t n = object_length(args[0]);
    if (n < 0) return nullptr;
    return new_int(n);
}

static Object* builtin_callable(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("callable", kwnames) || !check_nargs("callable", nargs, 1, 1)) return nullptr;
    return new_bool(callable_check(args[0]));
}

static Object* builtin_id(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return nullptr;
    return new_int(static_cast<int64_t>(object_address(args[0])));
}

static Object* builtin_hash(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return nullptr;
    intptr_t h = object_hash(args[0]);
    if (h == -1 && err_occurred()) return nullptr;
    return new_int(h);
}

// ---- iter / next
struct CallIterObject : Object {
    Object* callable;  // null once exhausted
    Object* sentinel;
};
Type CallIter_Type;

static void calliter_dealloc(Object* o) {
    gc_untrack(o);
    auto* it = static_cast<CallIterObject*>(o);
    xdecref(it->callable);
    xdecref(it->sentinel);
    free_object(o);
}
static int calliter_traverse(Object* o, VisitFn visit, void* arg) {
    auto* it = static_cast<CallIterObject*>(o);
    if (it->callable && visit(it->callable, arg)) return 1;
    return it->sentinel ? visit(it->sentinel, arg) : 0;
}
static Object* calliter_next(Object* o) {
    auto* it = static_cast<CallIterObject*>(o);
    if (!it->callable) return nullptr;
    Object* r = call0(it->callable);
    if (!r) {
        if (err_matches(&StopIteration_Type)) {
            err_clear();
            clearref(&it->callable);
            clearref(&it->sentinel);
        }
        return nullptr;
    }
    int eq = rich_compare_bool(r, it->sentinel, 2);
    if (eq == 0) return r;
    decref(r);
    if (eq > 0) {
        clearref(&it->callable);
        clearref(&it->sentinel);
    }
    return nullptr;
}

static Object* builtin_iter(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("iter", kwnames) || !check_nargs("iter", nargs, 1, 2)) return nullptr;
    if (nargs == 1) return get_iter(args[0]);
    if (!callable_check(args[0])) return raise(&TypeError_Type, "iter(v, w): v must be callable");
    auto* it = alloc<CallIterObject>(&CallIter_Type);
    if (!it) return nullptr;
    it->callable = newref(args[0]);
    it->sentinel = newref(args[1]);
    gc_track(it);
    return it;
}

static Object* builtin_next(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("next", kwnames) || !check_nargs("next", nargs, 1, 2)) return nullptr;
    Object* it = args[0];
    if (!it->ob_type->tp_iternext)
        return raise_format(&TypeError_Type, "'%s' object is not an iterator", type_name(it));
    Object* r = it->ob_type->tp_iternext(it);
    if (r) return r;
    if (err_occurred()) {
        if (nargs < 2 || !err_matches(&StopIteration_Type)) return nullptr;
        err_clear();
    }
    if (nargs == 2) return newref(args[1]);
    raise_object(&StopIteration_Type, nullptr);
    return nullptr;
}

// ---- isinstance / issubclass
static Object* builtin_isinstance(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("isinstance", kwnames) || !check_nargs("isinstance", nargs, 2, 2)) return nullptr;
    int r = isinstance_check(args[0], args[1]);
    if (r < 0) return nullptr;
    return new_bool(r);
}

static Object* builtin_issubclass(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("issubclass", kwnames) || !check_nargs("issubclass", nargs, 2, 2)) return nullptr;
    int r = issubclass_check(args[0], args[1]);
    if (r < 0) return nullptr;
    return new_bool(r);
}

// ---- attributes
static bool check_attr_name(Object* name) {
    if (is_str(name)) return true;
    raise_format(&TypeError_Type, "attribute name must be string, not '%s'", type_name(name));
    return false;
}

static Object* builtin_getattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("getattr", kwnames) || !check_nargs("getattr", nargs, 2, 3)) return nullptr;
    if (!check_attr_name(args[1])) return nullptr;
    if (nargs == 2) return get_attr(args[0], args[1]);
    bool error;
    Object* r = lookup_attr(args[0], args[1], &error);
    if (r || error) return r;
    return newref(args[2]);
}

static Object* builtin_hasattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("hasattr", kwnames) || !check_nargs("hasattr", nargs, 2, 2)) return nullptr;
    if (!check_attr_name(args[1])) return nullptr;
    bool error;
    Object* r = lookup_attr(args[0], args[1], &error);
    if (error) return nullptr;
    xdecref(r);
    return new_bool(r != nullptr);
}

static Object* builtin_setattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("setattr", kwnames) || !check_nargs("setattr", nargs, 3, 3)) return nullptr;
    if (!check_attr_name(args[1])) return nullptr;
    if (set_attr(args[0], args[1], args[2]) < 0) return nullptr;
    return none();
}

static Object* builtin_delattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("delattr", kwnames) || !check_nargs("delattr", nargs, 2, 2)) return nullptr;
    if (!check_attr_name(args[1])) return nullptr;
    if (set_attr(args[0], args[1], nullptr) < 0) return nullptr;
    return none();
}

// ---- vars / dir / locals / globals
static Object* current_locals() {
    Frame* f = rt().current_frame;
    if (!f) return new_dict();
    if (f->f_locals) return newref(f->f_locals);
    return frame_get_locals(f);
}

static Object* builtin_vars(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("vars", kwnames) || !check_nargs("vars", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return current_locals();
    bool error;
    Object* d = lookup_attr(args[0], intern("__dict__"), &error);
    if (!d && !error) return raise(&TypeError_Type, "vars() argument must have __dict__ attribute");
    return d;
}

static Object* builtin_locals(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("locals", kwnames) || !check_nargs("locals", nargs, 0, 0)) return nullptr;
    return current_locals();
}

static Object* builtin_globals(Object*, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("globals", kwnames) || !check_nargs("globals", nargs, 0, 0)) return nullptr;
    Frame* f = rt().current_frame;
    if (!f) return new_dict();
    return newref(f->f_globals);
}

static void add_keys(Object* dict, Object* set) {
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(dict, &pos, &k, &v)) set_add(set, k);
}

// dir(): the names as a sorted list. Instances: instance dict plus the class's MRO;
// types: the MRO's dicts; modules: the module dict.
static Object* builtin_dir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("dir", kwnames) || !check_nargs("dir", nargs, 0, 1)) return nullptr;
    Object* names = new_set();
    if (!names) return nullptr;
    if (nargs == 0) {
        Object* l = current_locals();
        if (!l) {
            decref(names);
            return nullptr;
        }
        add_keys(l, names);
        decref(l);
    } else {
        Object* o = args[0];
        Type* t = has_flag(o, TPF_TYPE_SUBCLASS) ? static_cast<Type*>(o) : o->ob_type;
        if (o->ob_type == &Module_Type) {
            add_keys(static_cast<ModuleObject*>(o)->md_dict, names);
        } else {
            if (!has_flag(o, TPF_TYPE_SUBCLASS)) {
                if (Object** dp = instance_dict_ptr(o); dp && *dp) add_keys(*dp, names);
            }
            for (intptr_t i = 0; i < tuple_size(t->tp_mro); i++) {
                Type* b = static_cast<Type*>(tuple_items(t->tp_mro)[i]);
                if (b->tp_dict) add_keys(b->tp_dict, names);
            }
            if (!has_flag(o, TPF_TYPE_SUBCLASS)) set_add(names, intern("__class__"));
        }
    }
    Object* list = sequence_to_list(names);
    decref(names);
    if (!list) return nullptr;
    if (sort_objects(list_items(list), nullptr, false) < 0) {
        decref(list);
        return nullptr;
    }
    return list;
}

static const MethodDef kObjectFunctions[] = {
    {"print", builtin_print},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"len", builtin_len},
    {"callable", builtin_callable},
    {"id", builtin_id},
    {"hash", builtin_hash},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"getattr", builtin_getattr},
    {"hasattr", builtin_hasattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"vars", builtin_vars},
    {"locals", builtin_locals},
    {"globals", builtin_globals},
    {"dir", builtin_dir},
};

void init_callable_iterator_type() {
    Type* t = &CallIter_Type;
    t->tp_name = "callable_iterator";
    t->tp_basicsize = sizeof(CallIterObject);
    t->tp_flags = TPF_HAVE_GC;
    t->tp_dealloc = calliter_dealloc;
    t->tp_traverse = calliter_traverse;
    t->tp_iter = iter_self;
    t->tp_iternext = calliter_next;
    add_iter_dunders(t);
    type_ready(t);
}

int init_builtins_functions(Object* module) {
    for (const MethodDef& def : kObjectFunctions)
        if (add_function(module, &def) < 0) return -1;
    if (add_numeric_functions(module) < 0) return -1;
    if (add_iter_functions(module) < 0) return -1;
    if (add_format_function(module) < 0) return -1;
    extern Type ReferenceError_Type;  // module_weakref.cpp
    if (add_object(module, "ReferenceError", &ReferenceError_Type) < 0) return -1;
    return 0;
}

}  // namespace ys::vm
