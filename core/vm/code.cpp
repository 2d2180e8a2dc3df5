// Code objects as VM objects: the compiler's CodeObject plus constants and names made
// into objects once, and the co_* attributes Python code reads.
#include <cstdio>

#include "vm/format_int.h"
#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Code_Type;

static bool is_identifier(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

static Object* make_const(const Constant& c) {
    switch (c.kind) {
        case Constant::Kind::None: return none();
        case Constant::Kind::True: return new_bool(true);
        case Constant::Kind::False: return new_bool(false);
        case Constant::Kind::Ellipsis: return newref(&Ellipsis_Object);
        case Constant::Kind::Int: return new_int(c.int_value);
        case Constant::Kind::BigInt: {
            auto v = fmt::BigInt::from_string(c.text);
            if (!v) return raise(&ValueError_Type, "bad int constant");
            return new_int_from_big(*v);
        }
        case Constant::Kind::Float: return new_float(c.float_value);
        case Constant::Kind::Str:
            // CPython interns identifier-like string constants.
            if (is_identifier(c.text)) return newref(intern(c.text));
            return new_str(c.text);
        case Constant::Kind::Tuple:
        case Constant::Kind::FrozenSet: {
            Object* t = new_tuple(static_cast<intptr_t>(c.items.size()));
            if (!t) return nullptr;
            for (size_t i = 0; i < c.items.size(); i++) {
                Object* x = make_const(c.items[i]);
                if (!x) {
                    decref(t);
                    return nullptr;
                }
                tuple_items(t)[i] = x;
            }
            if (c.kind == Constant::Kind::Tuple) return t;
            Object* s = new_set(&FrozenSet_Type);
            for (size_t i = 0; i < c.items.size(); i++) set_add(s, tuple_items(t)[i]);
            decref(t);
            return s;
        }
        case Constant::Kind::Code: return new_code(c.code);
    }
    return none();
}

Object* new_code(const CodePtr& code) {
    CodeObj* co = alloc<CodeObj>(&Code_Type);
    if (!co) return nullptr;
    new (&co->code) CodePtr(code);
    co->instrs = reinterpret_cast<const uint16_t*>(code->co_code.data());
    co->nlocalsplus = code->nlocalsplus();
    co->stacksize = code->co_stacksize;
    co->framesize = co->nlocalsplus + co->stacksize + 1;
    co->flags = code->co_flags;
    co->co_name = newref(intern(code->co_name));
    co->co_qualname = newref(intern(code->co_qualname));
    co->co_filename = newref(intern(code->co_filename));
    for (uint8_t k : code->co_localspluskinds)
        if (k & (CO_FAST_CELL | CO_FAST_FREE)) co->ncells_and_frees++;
    co->names = new_tuple(static_cast<intptr_t>(code->co_names.size()));
    for (size_t i = 0; i < code->co_names.size(); i++) tuple_items(co->names)[i] = newref(intern(code->co_names[i]));
    co->localsplusnames = new_tuple(co->nlocalsplus);
    for (int i = 0; i < co->nlocalsplus; i++)
        tuple_items(co->localsplusnames)[i] = newref(intern(code->co_localsplusnames[static_cast<size_t>(i)]));
    co->consts = new_tuple(static_cast<intptr_t>(code->co_consts.size()));
    for (size_t i = 0; i < code->co_consts.size(); i++) {
        Object* c = make_const(code->co_consts[i]);
        if (!c) {
            decref(co);
            return nullptr;
        }
        tuple_items(co->consts)[i] = c;
    }
    if (t_sink) {
        trace_created(co);
        if (co->ob_trace_id) t_sink->on_code(co->ob_trace_id, code);
        trace_fields(co);
    }
    return co;
}

static void code_dealloc(Object* o) {
    CodeObj* co = static_cast<CodeObj*>(o);
    xdecref(co->consts);
    xdecref(co->names);
    xdecref(co->localsplusnames);
    xdecref(co->co_name);
    xdecref(co->co_qualname);
    xdecref(co->co_filename);
    co->code.~CodePtr();
    free_object(o);
}

static CodeObj* C(Object* o) { return static_cast<CodeObj*>(o); }
static Object* names_tuple(const std::vector<std::string>& v) {
    Object* t = new_tuple(static_cast<intptr_t>(v.size()));
    for (size_t i = 0; i < v.size(); i++) tuple_items(t)[i] = newref(intern(v[i]));
    return t;
}
static Object* co_name(Object* o) { return newref(C(o)->co_name); }
static Object* co_qualname(Object* o) { return newref(C(o)->co_qualname); }
static Object* co_filename(Object* o) { return newref(C(o)->co_filename); }
static Object* co_firstlineno(Object* o) { return new_int(C(o)->code->co_firstlineno); }
static Object* co_varnames(Object* o) { return names_tuple(C(o)->code->varnames()); }
static Object* co_cellvars(Object* o) { return names_tuple(C(o)->code->cellvars()); }
static Object* co_freevars(Object* o) { return names_tuple(C(o)->code->freevars()); }
static Object* co_names(Object* o) { return newref(C(o)->names); }
static Object* co_consts(Object* o) { return newref(C(o)->consts); }
static Object* co_argcount(Object* o) { return new_int(C(o)->code->co_argcount); }
static Object* co_posonlyargcount(Object* o) { return new_int(C(o)->code->co_posonlyargcount); }
static Object* co_kwonlyargcount(Object* o) { return new_int(C(o)->code->co_kwonlyargcount); }
static Object* co_nlocals(Object* o) { return new_int(static_cast<int64_t>(C(o)->code->varnames().size())); }
static Object* co_stacksize(Object* o) { return new_int(C(o)->code->co_stacksize); }
static Object* co_flags(Object* o) { return new_int(C(o)->code->co_flags); }

static Object* code_repr(Object* o) {
    char buf[64];
    snprintf(buf, sizeof buf, " at %p, file \"", object_address_ptr(o));
    return new_str("<code object " + C(o)->code->co_name + buf + C(o)->code->co_filename + "\", line " +
                   std::to_string(C(o)->code->co_firstlineno) + ">");
}

static void code_trace_fields(Object* o, trace::TraceSink* sink) {
    CodeObj* co = C(o);
    sink->on_field_set(o->ob_trace_id, "co_name", trace_str_text(co->co_name));
    sink->on_field_set(o->ob_trace_id, "co_qualname", trace_str_text(co->co_qualname));
    sink->on_field_set(o->ob_trace_id, "co_firstlineno", trace::Value::integer(co->code->co_firstlineno));
    // The tuples the code object owns (so the heap view finds them reachable).
    sink->on_field_set(o->ob_trace_id, "co_consts", trace_value(co->consts));
    sink->on_field_set(o->ob_trace_id, "co_names", trace_value(co->names));
    sink->on_field_set(o->ob_trace_id, "co_localsplusnames", trace_value(co->localsplusnames));
}

void init_code_type() {
    Type* t = &Code_Type;
    t->tp_name = "code";
    t->tp_basicsize = sizeof(CodeObj);
    t->tp_dealloc = code_dealloc;
    t->tp_repr = code_repr;
    t->tp_trace_fields = code_trace_fields;
    t->tp_weaklistoffset = offsetof(CodeObj, weaklist);
    t->tp_getset = {{"co_name", co_name},
                    {"co_qualname", co_qualname},
                    {"co_filename", co_filename},
                    {"co_firstlineno", co_firstlineno},
                    {"co_varnames", co_varnames},
                    {"co_cellvars", co_cellvars},
                    {"co_freevars", co_freevars},
                    {"co_names", co_names},
                    {"co_consts", co_consts},
                    {"co_argcount", co_argcount},
                    {"co_posonlyargcount", co_posonlyargcount},
                    {"co_kwonlyargcount", co_kwonlyargcount},
                    {"co_nlocals", co_nlocals},
                    {"co_stacksize", co_stacksize},
                    {"co_flags", co_flags}};
}

}  // namespace ys::vm
