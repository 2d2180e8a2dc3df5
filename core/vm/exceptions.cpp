// The built-in exception hierarchy (Objects/exceptions.c): BaseException's layout,
// args, str/repr, __traceback__/__context__/__cause__/__suppress_context__,
// with_traceback, StopIteration.value, KeyError's str, SystemExit.code.
#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

Type BaseException_Type, Exception_Type, StopIteration_Type, GeneratorExit_Type, ArithmeticError_Type,
    ZeroDivisionError_Type, OverflowError_Type, LookupError_Type, KeyError_Type, IndexError_Type,
    ValueError_Type, TypeError_Type, RuntimeError_Type, RecursionError_Type, NotImplementedError_Type,
    NameError_Type, UnboundLocalError_Type, AttributeError_Type, AssertionError_Type, ImportError_Type,
    ModuleNotFoundError_Type, StopAsyncIteration_Type, KeyboardInterrupt_Type, MemoryError_Type,
    SystemExit_Type, UnicodeError_Type, DeprecationWarning_Type, RuntimeWarning_Type, Warning_Type;

static ExceptionObject* E(Object* o) { return static_cast<ExceptionObject*>(o); }

static Object* exc_new(Type* type, Object* const* args, size_t nargs, Object*) {
    ExceptionObject* e = static_cast<ExceptionObject*>(alloc_object(type, type->tp_basicsize));
    if (!e) return nullptr;
    e->args = tuple_from(args, static_cast<intptr_t>(nargs));
    if (!e->args) { decref(e); return nullptr; }
    if (type == &StopIteration_Type || is_subtype(type, &StopIteration_Type) || is_subtype(type, &SystemExit_Type))
        e->value = newref(nargs ? args[0] : YS_None);
    gc_track(e);
    return e;
}

static int exc_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        raise_format(&TypeError_Type, "%s() takes no keyword arguments", type_name(self));
        return -1;
    }
    setref(&E(self)->args, tuple_from(args, static_cast<intptr_t>(nargs)));
    if (isinstance(self, &StopIteration_Type) || isinstance(self, &SystemExit_Type))
        setref(&E(self)->value, newref(nargs ? args[0] : YS_None));
    return 0;
}

static int exc_clear(Object* o) {
    ExceptionObject* e = E(o);
    clearref(&e->dict);
    clearref(&e->args);
    clearref(&e->traceback);
    clearref(&e->cause);
    clearref(&e->context);
    clearref(&e->value);
    return 0;
}

void clear_weakrefs(Object* o);
static void exc_dealloc(Object* o) {
    gc_untrack(o);
    if (E(o)->weaklist) clear_weakrefs(o);
    exc_clear(o);
    free_object(o);
}

static int exc_traverse(Object* o, VisitFn visit, void* arg) {
    ExceptionObject* e = E(o);
    for (Object* x : {e->dict, e->args, e->traceback, e->cause, e->context, e->value})
        if (x) if (int r = visit(x, arg)) return r;
    return 0;
}

Object* exc_str(Object* exc) { return object_str(exc); }

static Object* exc_str_slot(Object* o) {
    Object* args = E(o)->args;
    intptr_t n = args ? tuple_size(args) : 0;
    if (n == 0) return new_str("");
    if (n == 1) return object_str(tuple_items(args)[0]);
    return object_str(args);
}

static Object* keyerror_str(Object* o) {
    Object* args = E(o)->args;
    if (args && tuple_size(args) == 1) return object_repr(tuple_items(args)[0]);
    return exc_str_slot(o);
}

static Object* exc_repr(Object* o) {
    Object* args = E(o)->args;
    std::string name = o->ob_type->tp_name;
    bool ok = true;
    if (args && tuple_size(args) == 1) {
        std::string r = repr_string(tuple_items(args)[0], &ok);
        if (!ok) return nullptr;
        return new_str(name + "(" + r + ")");
    }
    std::string r = args ? repr_string(args, &ok) : "()";
    if (!ok) return nullptr;
    return new_str(name + r);
}

static Object* get_args(Object* o) { return newref(E(o)->args); }
static int set_args(Object* o, Object* v) {
    if (!v) {
        raise(&TypeError_Type, "args may not be deleted");
        return -1;
    }
    Object* t = sequence_to_tuple(v);
    if (!t) return -1;
    setref(&E(o)->args, t);
    return 0;
}
static Object* get_tb(Object* o) { return E(o)->traceback ? newref(E(o)->traceback) : none(); }
static int set_tb(Object* o, Object* v) {
    if (!v) {
        raise(&TypeError_Type, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != YS_None && v->ob_type != &Traceback_Type) {
        raise(&TypeError_Type, "__traceback__ must be a traceback or None");
        return -1;
    }
    setref(&E(o)->traceback, v == YS_None ? nullptr : newref(v));
    return 0;
}
static Object* get_context(Object* o) { return E(o)->context ? newref(E(o)->context) : none(); }
static int set_context(Object* o, Object* v) {
    if (!v) {
        raise(&TypeError_Type, "__context__ may not be deleted");
        return -1;
    }
    if (v != YS_None && !is_exception(v)) {
        raise(&TypeError_Type, "exception context must be None or derive from BaseException");
        return -1;
    }
    setref(&E(o)->context, v == YS_None ? nullptr : newref(v));
    return 0;
}
static Object* get_cause(Object* o) { return E(o)->cause ? newref(E(o)->cause) : none(); }
static int set_cause(Object* o, Object* v) {
    if (!v) {
        raise(&TypeError_Type, "__cause__ may not be deleted");
        return -1;
    }
    if (v != YS_None && !is_exception(v)) {
        raise(&TypeError_Type, "exception cause must be None or derive from BaseException");
        return -1;
    }
    setref(&E(o)->cause, v == YS_None ? nullptr : newref(v));
    E(o)->suppress_context = true;
    return 0;
}
static Object* get_suppress(Object* o) { return new_bool(E(o)->suppress_context); }
static int set_suppress(Object* o, Object* v) {
    int t = v ? object_is_true(v) : 0;
    if (t < 0) return -1;
    E(o)->suppress_context = t;
    return 0;
}
static Object* get_value(Object* o) { return E(o)->value ? newref(E(o)->value) : none(); }
static int set_value(Object* o, Object* v) {
    setref(&E(o)->value, v ? newref(v) : nullptr);
    return 0;
}

static Object* with_traceback(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("with_traceback", kwnames) || !check_nargs("with_traceback", nargs, 1, 1)) return nullptr;
    if (set_tb(self, args[0]) < 0) return nullptr;
    return newref(self);
}
static Object* exc_init_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return nullptr;
    return none();
}
static Object* exc_str_meth(Object* self, Object* const*, size_t, Object*) { return exc_str_slot(self); }
static Object* exc_repr_meth(Object* self, Object* const*, size_t, Object*) { return exc_repr(self); }
static Object* exc_new_meth(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (nargs < 1 || !is_exception_type(args[0])) return raise(&TypeError_Type, "BaseException.__new__(X): X is not a type object");
    return exc_new(static_cast<Type*>(args[0]), args + 1, nargs - 1, kwnames);
}

static void make(Type* t, const char* name, Type* base, const char* doc = nullptr) {
    t->tp_name = name;
    t->tp_base = base;
    t->tp_basicsize = sizeof(ExceptionObject);
    t->tp_flags = TPF_BASETYPE | TPF_HAVE_GC | TPF_BASE_EXC_SUBCLASS;
    t->tp_doc = doc;
    if (base) {
        t->tp_new = exc_new;
    }
}

void init_exception_types() {
    Type* b = &BaseException_Type;
    make(b, "BaseException", &Object_Type, "Common base class for all exceptions");
    b->tp_new = exc_new;
    b->tp_init = exc_init;
    b->tp_dealloc = exc_dealloc;
    b->tp_traverse = exc_traverse;
    b->tp_clear = exc_clear;
    b->tp_str = exc_str_slot;
    b->tp_repr = exc_repr;
    b->tp_dictoffset = offsetof(ExceptionObject, dict);
    b->tp_weaklistoffset = offsetof(ExceptionObject, weaklist);
    b->tp_getset = {{"args", get_args, set_args},
                    {"__traceback__", get_tb, set_tb},
                    {"__context__", get_context, set_context},
                    {"__cause__", get_cause, set_cause},
                    {"__suppress_context__", get_suppress, set_suppress}};
    b->tp_methods = {{"with_traceback", with_traceback},
                     {"__init__", exc_init_meth},
                     {"__str__", exc_str_meth},
                     {"__repr__", exc_repr_meth},
                     {"__new__", exc_new_meth, METH_STATIC}};
    make(&Exception_Type, "Exception", b, "Common base class for all non-exit exceptions.");
    make(&StopIteration_Type, "StopIteration", &Exception_Type, "Signal the end from iterator.__next__().");
    StopIteration_Type.tp_getset = {{"value", get_value, set_value}};
    make(&GeneratorExit_Type, "GeneratorExit", b, "Request that a generator exit.");
    make(&SystemExit_Type, "SystemExit", b, "Request to exit from the interpreter.");
    SystemExit_Type.tp_getset = {{"code", get_value, set_value}};
    make(&KeyboardInterrupt_Type, "KeyboardInterrupt", b, "Program interrupted by user.");
    make(&ArithmeticError_Type, "ArithmeticError", &Exception_Type, "Base class for arithmetic errors.");
    make(&ZeroDivisionError_Type, "ZeroDivisionError", &ArithmeticError_Type,
         "Second argument to a division or modulo operation was zero.");
    make(&OverflowError_Type, "OverflowError", &ArithmeticError_Type, "Result too large to be represented.");
    make(&LookupError_Type, "LookupError", &Exception_Type, "Base class for lookup errors.");
    make(&KeyError_Type, "KeyError", &LookupError_Type, "Mapping key not found.");
    KeyError_Type.tp_str = keyerror_str;
    make(&IndexError_Type, "IndexError", &LookupError_Type, "Sequence index out of range.");
    make(&ValueError_Type, "ValueError", &Exception_Type, "Inappropriate argument value (of correct type).");
    make(&UnicodeError_Type, "UnicodeError", &ValueError_Type, "Unicode related error.");
    make(&TypeError_Type, "TypeError", &Exception_Type, "Inappropriate argument type.");
    make(&RuntimeError_Type, "RuntimeError", &Exception_Type, "Unspecified run-time error.");
    make(&RecursionError_Type, "RecursionError", &RuntimeError_Type, "Recursion limit exceeded.");
    make(&NotImplementedError_Type, "NotImplementedError", &RuntimeError_Type,
         "Method or function hasn't been implemented yet.");
    make(&NameError_Type, "NameError", &Exception_Type, "Name not found globally.");
    make(&UnboundLocalError_Type, "UnboundLocalError", &NameError_Type, "Local name referenced but not bound to a value.");
    make(&AttributeError_Type, "AttributeError", &Exception_Type, "Attribute not found.");
    make(&AssertionError_Type, "AssertionError", &Exception_Type, "Assertion failed.");
    make(&ImportError_Type, "ImportError", &Exception_Type, "Import can't find module, or can't find name in module.");
    make(&ModuleNotFoundError_Type, "ModuleNotFoundError", &ImportError_Type, "Module not found.");
    make(&StopAsyncIteration_Type, "StopAsyncIteration", &Exception_Type, "Signal the end from iterator.__anext__().");
    make(&MemoryError_Type, "MemoryError", &Exception_Type, "Out of memory.");
    make(&Warning_Type, "Warning", &Exception_Type, "Base class for warning categories.");
    make(&DeprecationWarning_Type, "DeprecationWarning", &Warning_Type,
         "Base class for warnings about deprecated features.");
    make(&RuntimeWarning_Type, "RuntimeWarning", &Warning_Type, "Base class for warnings about dubious runtime behavior.");
}

extern Type* const g_exception_types[];
Type* const g_exception_types[] = {
    &BaseException_Type, &Exception_Type, &StopIteration_Type, &GeneratorExit_Type, &SystemExit_Type,
    &KeyboardInterrupt_Type, &ArithmeticError_Type, &ZeroDivisionError_Type, &OverflowError_Type,
    &LookupError_Type, &KeyError_Type, &IndexError_Type, &ValueError_Type, &UnicodeError_Type, &TypeError_Type,
    &RuntimeError_Type, &RecursionError_Type, &NotImplementedError_Type, &NameError_Type, &UnboundLocalError_Type,
    &AttributeError_Type, &AssertionError_Type, &ImportError_Type, &ModuleNotFoundError_Type,
    &StopAsyncIteration_Type, &MemoryError_Type, &Warning_Type, &DeprecationWarning_Type, &RuntimeWarning_Type,
    nullptr};

}  // namespace ys::vm
