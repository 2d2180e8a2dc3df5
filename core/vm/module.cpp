// Module objects, the registry of built-in modules, and `import`.
#include <map>
#include <string>

#include "vm/module_frozen.h"
#include "vm/runtime.h"

namespace ys::vm {

Type Module_Type;

static std::map<std::string, ModuleInitFn>& registry() {
    static std::map<std::string, ModuleInitFn> r;
    return r;
}

void register_builtin_module(const char* name, ModuleInitFn init) { registry()[name] = init; }

Object* new_module(std::string_view name) {
    ModuleObject* m = alloc<ModuleObject>(&Module_Type);
    if (!m) return nullptr;
    m->md_dict = new_dict();
    m->md_name = new_str(name);
    dict_set_cstr(m->md_dict, "__name__", m->md_name);
    dict_set_cstr(m->md_dict, "__doc__", YS_None);
    gc_track(m);
    return m;
}

void clear_weakrefs(Object* o);  // weakref_core.cpp: calls callbacks

static void module_dealloc(Object* o) {
    gc_untrack(o);
    auto* m = static_cast<ModuleObject*>(o);
    // As module_dealloc in CPython: a weak reference must never outlive its module
    // (shutdown asks a weakref whether __main__ is still alive).
    if (m->weaklist) clear_weakrefs(o);
    xdecref(m->md_dict);
    xdecref(m->md_name);
    free_object(o);
}
static int module_traverse(Object* o, VisitFn visit, void* arg) {
    auto* m = static_cast<ModuleObject*>(o);
    return m->md_dict ? visit(m->md_dict, arg) : 0;
}
static Object* module_repr(Object* o) {
    auto* m = static_cast<ModuleObject*>(o);
    std::string name = str_value(m->md_name);
    if (registry().count(name) || name == "builtins" || name == "sys") return new_str("<module '" + name + "' (built-in)>");
    if (is_frozen_module(name)) return new_str("<module '" + name + "' (frozen)>");
    return new_str("<module '" + name + "'>");
}
static Object* module_getattro(Object* o, Object* name) {
    auto* m = static_cast<ModuleObject*>(o);
    if (Object* v = dict_get(m->md_dict, name)) return newref(v);
    Object* r = generic_getattr(o, name);
    if (!r && err_matches(&AttributeError_Type)) {
        err_clear();
        return raise_format(&AttributeError_Type, "module '%s' has no attribute '%s'", str_value(m->md_name).c_str(),
                            str_value(name).c_str());
    }
    return r;
}
static int module_setattro(Object* o, Object* name, Object* value) {
    auto* m = static_cast<ModuleObject*>(o);
    if (value) return dict_set(m->md_dict, name, value);
    if (dict_del(m->md_dict, name) < 0) {
        err_clear();
        raise_format(&AttributeError_Type, "module '%s' has no attribute '%s'", str_value(m->md_name).c_str(),
                     str_value(name).c_str());
        return -1;
    }
    return 0;
}
static Object* module_dict(Object* o) { return newref(static_cast<ModuleObject*>(o)->md_dict); }

// A library module written in Python (module_frozen.h): like a built-in one, it is
// in sys.modules while its code runs, and taken out again if that code fails.
static Object* import_frozen(Object* name) {
    Runtime& r = rt();
    Object* m = new_module(str_value(name));
    if (!m) return nullptr;
    dict_set(r.modules, name, m);
    if (exec_frozen_module(str_value(name), m) < 0) {
        Object* exc = err_fetch();
        dict_del(r.modules, name);
        err_restore(exc);
        decref(m);
        return nullptr;
    }
    return m;
}

Object* import_module(Object* name) {
    Runtime& r = rt();
    if (Object* m = dict_get(r.modules, name)) return newref(m);
    auto it = registry().find(str_value(name));
    if (it == registry().end() && is_frozen_module(str_value(name))) return import_frozen(name);
    if (it == registry().end()) {
        Object* msg = new_str("No module named " + repr_string(name));
        Object* exc = new_exception(&ModuleNotFoundError_Type, &msg, 1);
        decref(msg);
        if (exc) {
            raise_exc(exc);
            decref(exc);
        }
        return nullptr;
    }
    Object* m = new_module(str_value(name));
    if (!m) return nullptr;
    dict_set(r.modules, name, m);
    if (it->second(m) < 0) {
        dict_del(r.modules, name);
        decref(m);
        return nullptr;
    }
    return m;
}

static Object* dict_of(Object* module_or_dict) {
    return is_dict(module_or_dict) ? module_or_dict : static_cast<ModuleObject*>(module_or_dict)->md_dict;
}

int add_function(Object* module_or_dict, const MethodDef* def) {
    Object* self = is_dict(module_or_dict) ? nullptr : module_or_dict;
    Object* f = new_builtin_function(def, self);
    if (!f) return -1;
    int r = dict_set_cstr(dict_of(module_or_dict), def->name, f);
    decref(f);
    return r;
}

int add_object(Object* module_or_dict, std::string_view name, Object* value) {
    return dict_set_cstr(dict_of(module_or_dict), name, value);
}

void init_module_type() {
    Type* t = &Module_Type;
    t->tp_name = "module";
    t->tp_basicsize = sizeof(ModuleObject);
    t->tp_flags = TPF_HAVE_GC | TPF_BASETYPE;
    t->tp_dealloc = module_dealloc;
    t->tp_traverse = module_traverse;
    t->tp_repr = module_repr;
    t->tp_getattro = module_getattro;
    t->tp_setattro = module_setattro;
    t->tp_weaklistoffset = offsetof(ModuleObject, weaklist);
    t->tp_getset = {{"__dict__", module_dict}};
}

}  // namespace ys::vm
