// The core of the `builtins` module: the types, the exceptions, __build_class__, and
// the few functions the VM itself depends on (print, len, repr, iter, next,
// isinstance, ...). The other built-in functions live in builtins_*.cpp.
#include "vm/builtins.h"

#include <cstdio>

#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type TextIO_Type;
extern Type* const g_exception_types[];
Frame* push_frame_and_init(FunctionObject* func, Object* locals, Object* const* args, size_t nargs,
                           Object* kwnames, bool steal);

// ---- sys.stdout / sys.stderr: writes go to the runtime's buffered streams.
struct TextIOObject : Object {
    int stream;
};
static Object* textio_write(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise_format(&TypeError_Type, "write() argument must be str, not %s", type_name(args[0]));
    rt().write_out(str_value(args[0]), static_cast<TextIOObject*>(self)->stream);
    return new_int(static_cast<StrObject*>(args[0])->length);
}
static Object* textio_flush(Object*, Object* const*, size_t, Object*) { return none(); }
static Object* textio_repr(Object* self) {
    return new_str(static_cast<TextIOObject*>(self)->stream ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                                                            : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}
Object* new_text_stream(int stream) {
    TextIOObject* o = alloc<TextIOObject>(&TextIO_Type);
    if (o) o->stream = stream;
    return o;
}

// Writes `s` to a file-like object (print's file=).
static int write_to(Object* file, const std::string& s) {
    Runtime& r = rt();
    if (!file || file == YS_None) file = r.sys_stdout;
    if (file && file->ob_type == &TextIO_Type) {
        r.write_out(s, static_cast<TextIOObject*>(file)->stream);
        return 0;
    }
    Object* str = new_str(s);
    Object* res = call_method(file, "write", &str, 1);
    decref(str);
    if (!res) return -1;
    decref(res);
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
    (void)flush;
    if (sep && sep != YS_None && !is_str(sep))
        return raise_format(&TypeError_Type, "sep must be None or a string, not %s", type_name(sep));
    if (end && end != YS_None && !is_str(end))
        return raise_format(&TypeError_Type, "end must be None or a string, not %s", type_name(end));
    std::string s;
    std::string sep_s = sep && sep != YS_None ? str_value(sep) : " ";
    for (size_t i = 0; i < nargs; i++) {
        if (i) s += sep_s;
        Object* x = object_str(args[i]);
        if (!x) return nullptr;
        s += str_value(x);
        decref(x);
    }
    s += end && end != YS_None ? str_value(end) : "\n";
    if (write_to(file, s) < 0) return nullptr;
    return none();
}

static Object* builtin_len(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("len", kwnames) || !check_nargs("len", nargs, 1, 1)) return nullptr;
    intptr_t n = object_length(args[0]);
    if (n < 0) return nullptr;
    return new_int(n);
}
static Object* builtin_repr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("repr", kwnames) || !check_nargs("repr", nargs, 1, 1)) return nullptr;
    return object_repr(args[0]);
}
static Object* builtin_iter(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("iter", kwnames) || !check_nargs("iter", nargs, 1, 2)) return nullptr;
    if (nargs == 2) return raise(&NotImplementedError_Type, "iter(callable, sentinel) is not supported");
    return get_iter(args[0]);
}
static Object* builtin_next(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("next", kwnames) || !check_nargs("next", nargs, 1, 2)) return nullptr;
    Object* it = args[0];
    if (!it->ob_type->tp_iternext)
        return raise_format(&TypeError_Type, "'%s' object is not an iterator", type_name(it));
    Object* r = it->ob_type->tp_iternext(it);
    if (r) return r;
    if (nargs == 2) {
        if (err_occurred()) {
            if (!err_matches(&StopIteration_Type)) return nullptr;
            err_clear();
        }
        return newref(args[1]);
    }
    if (!err_occurred()) raise_object(&StopIteration_Type, nullptr);
    return nullptr;
}
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
static Object* builtin_id(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("id", kwnames) || !check_nargs("id", nargs, 1, 1)) return nullptr;
    return new_int(static_cast<int64_t>(object_address(args[0])));
}
static Object* builtin_hash(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("hash", kwnames) || !check_nargs("hash", nargs, 1, 1)) return nullptr;
    intptr_t h = object_hash(args[0]);
    if (h == -1) return nullptr;
    return new_int(h);
}
static Object* builtin_callable(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("callable", kwnames) || !check_nargs("callable", nargs, 1, 1)) return nullptr;
    return new_bool(callable_check(args[0]));
}
static Object* builtin_getattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("getattr", kwnames) || !check_nargs("getattr", nargs, 2, 3)) return nullptr;
    if (!is_str(args[1])) return raise(&TypeError_Type, "attribute name must be string");
    if (nargs == 3) {
        bool error;
        Object* r = lookup_attr(args[0], args[1], &error);
        if (r || error) return r;
        return newref(args[2]);
    }
    return get_attr(args[0], args[1]);
}
static Object* builtin_setattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("setattr", kwnames) || !check_nargs("setattr", nargs, 3, 3)) return nullptr;
    if (!is_str(args[1])) return raise(&TypeError_Type, "attribute name must be string");
    if (set_attr(args[0], args[1], args[2]) < 0) return nullptr;
    return none();
}
static Object* builtin_delattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("delattr", kwnames) || !check_nargs("delattr", nargs, 2, 2)) return nullptr;
    if (!is_str(args[1])) return raise(&TypeError_Type, "attribute name must be string");
    if (set_attr(args[0], args[1], nullptr) < 0) return nullptr;
    return none();
}
static Object* builtin_hasattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("hasattr", kwnames) || !check_nargs("hasattr", nargs, 2, 2)) return nullptr;
    if (!is_str(args[1])) return raise(&TypeError_Type, "hasattr(): attribute name must be string");
    bool error;
    Object* r = lookup_attr(args[0], args[1], &error);
    if (error) return nullptr;
    bool has = r != nullptr;
    xdecref(r);
    return new_bool(has);
}

static Object* builtin_build_class(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs < 2) return raise(&TypeError_Type, "__build_class__: not enough arguments");
    Object* func = args[0];
    Object* name = args[1];
    if (func->ob_type != &Function_Type) return raise(&TypeError_Type, "__build_class__: func must be a function");
    if (!is_str(name)) return raise(&TypeError_Type, "__build_class__: name is not a string");
    Object* meta = nullptr;
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++) {
            if (str_value(tuple_items(kwnames)[i]) == "metaclass") meta = args[nargs + static_cast<size_t>(i)];
            else return raise(&TypeError_Type, "class keyword arguments are not supported by the mini-VM");
        }
    }
    Object* bases = tuple_from(args + 2, static_cast<intptr_t>(nargs - 2));
    if (!bases) return nullptr;
    if (!meta) meta = tuple_size(bases) ? static_cast<Object*>(tuple_items(bases)[0]->ob_type) : &Type_Type;
    Object* ns = new_dict();
    Frame* f = push_frame_and_init(static_cast<FunctionObject*>(func), ns, nullptr, 0, nullptr, false);
    Object* cell = nullptr;
    if (f) {
        cell = eval_frame(f, false);
        pop_frame(f);
    }
    Object* cls = nullptr;
    if (cell) {
        Object* margs[3] = {name, bases, ns};
        cls = call(meta, margs, 3);
    }
    xdecref(cell);
    decref(ns);
    decref(bases);
    return cls;
}

// ---- minimal formatting hooks (the built-ins engineer replaces these in format_*.cpp)
Object* __attribute__((weak)) object_format(Object* value, Object* spec) {
    if (!spec || str_value(spec).empty()) return object_str(value);
    Object* f = type_lookup(value->ob_type, intern("__format__"));
    if (f && (value->ob_type->tp_flags & TPF_HEAPTYPE)) {
        Object* args[2] = {value, spec};
        return call(f, args, 2);
    }
    return raise_format(&TypeError_Type, "unsupported format string passed to %s.__format__", type_name(value));
}
Object* __attribute__((weak)) str_mod_format(Object* a, Object*) {
    return raise_format(&TypeError_Type, "'%%' formatting of '%s' is not supported yet", type_name(a));
}

static const MethodDef kCoreBuiltins[] = {
    {"print", builtin_print},       {"len", builtin_len},         {"repr", builtin_repr},
    {"iter", builtin_iter},         {"next", builtin_next},       {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass}, {"id", builtin_id},       {"hash", builtin_hash},
    {"callable", builtin_callable}, {"getattr", builtin_getattr}, {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},   {"hasattr", builtin_hasattr}, {"__build_class__", builtin_build_class},
};

int init_builtins_core(Object* module) {
    for (const MethodDef& d : kCoreBuiltins)
        if (add_function(module, &d) < 0) return -1;
    struct {
        const char* name;
        Type* type;
    } types[] = {{"object", &Object_Type},   {"type", &Type_Type},         {"int", &Int_Type},
                 {"bool", &Bool_Type},       {"float", &Float_Type},       {"str", &Str_Type},
                 {"list", &List_Type},       {"tuple", &Tuple_Type},       {"dict", &Dict_Type},
                 {"set", &Set_Type},         {"frozenset", &FrozenSet_Type}, {"range", &Range_Type},
                 {"slice", &Slice_Type},     {"super", &Super_Type},       {"property", &Property_Type},
                 {"staticmethod", &StaticMethod_Type}, {"classmethod", &ClassMethod_Type}};
    for (auto& t : types)
        if (add_object(module, t.name, t.type) < 0) return -1;
    for (Type* const* e = g_exception_types; *e; e++)
        if (add_object(module, (*e)->tp_name, *e) < 0) return -1;
    add_object(module, "None", YS_None);
    add_object(module, "True", YS_True);
    add_object(module, "False", YS_False);
    add_object(module, "Ellipsis", &Ellipsis_Object);
    add_object(module, "NotImplemented", YS_NotImplemented);
    Object* name = new_str("builtins");
    add_object(module, "__name__", name);
    decref(name);
    return 0;
}

void init_textio_type() {
    Type* t = &TextIO_Type;
    t->tp_name = "_io.TextIOWrapper";
    t->tp_qualname = "TextIOWrapper";
    t->tp_basicsize = sizeof(TextIOObject);
    t->tp_dealloc = [](Object* o) { free_object(o); };
    t->tp_repr = textio_repr;
    t->tp_methods = {{"write", textio_write}, {"flush", textio_flush}};
}

}  // namespace ys::vm
