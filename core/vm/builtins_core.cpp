// The core of the `builtins` module: the types, the exceptions and __build_class__.
// The built-in functions live in module_builtins.cpp and builtins_*.cpp.
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

static const MethodDef kCoreBuiltins[] = {
    {"__build_class__", builtin_build_class},
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
