// `type` and `object`: type_ready (MRO, dict, slot inheritance), attribute lookup along
// the MRO, generic getattr/setattr (PyObject_GenericGetAttr), object's defaults
// (repr, hash, ==), and calling a type (tp_new then tp_init).
#include <cstdio>

#include "vm/frame.h"
#include "vm/runtime.h"
#include "vm/trace_report.h"

namespace ys::vm {

Type Type_Type, Object_Type, MethodDescr_Type, GetSetDescr_Type;

struct MethodDescrObject : Object {
    const MethodDef* def;
    Type* owner;
};
struct GetSetDescrObject : Object {
    const GetSetDef* def;
    Type* owner;
};

Object* type_lookup(Type* t, Object* name) {
    if (!t->tp_mro) return t->tp_dict ? dict_get_str(t->tp_dict, name) : nullptr;
    Object** items = tuple_items(t->tp_mro);
    intptr_t n = tuple_size(t->tp_mro);
    for (intptr_t i = 0; i < n; i++) {
        Object* d = static_cast<Type*>(items[i])->tp_dict;
        if (!d) continue;
        Object* v = dict_get_str(d, name);
        if (v) return v;
    }
    return nullptr;
}

static const char* attr_name(Object* name) { return str_value(name).c_str(); }

Object* generic_getattr(Object* obj, Object* name) {
    Type* tp = obj->ob_type;
    Object* descr = type_lookup(tp, name);
    DescrGetFn f = nullptr;
    if (descr) {
        incref(descr);
        f = descr->ob_type->tp_descr_get;
        if (f && descr->ob_type->tp_descr_set) {
            Object* r = f(descr, obj, tp);
            decref(descr);
            return r;
        }
    }
    if (Object** dp = instance_dict_ptr(obj)) {
        if (*dp) {
            Object* v = dict_get(*dp, name);
            if (v) {
                xdecref(descr);
                return newref(v);
            }
        }
    }
    if (f) {
        Object* r = f(descr, obj, tp);
        decref(descr);
        return r;
    }
    if (descr) return descr;
    return raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", tp->tp_name.c_str(),
                        attr_name(name));
}

int generic_setattr(Object* obj, Object* name, Object* value) {
    Type* tp = obj->ob_type;
    Object* descr = type_lookup(tp, name);
    if (descr && descr->ob_type->tp_descr_set) {
        incref(descr);
        int r = descr->ob_type->tp_descr_set(descr, obj, value);
        decref(descr);
        return r;
    }
    Object** dp = instance_dict_ptr(obj);
    if (!dp) {
        if (descr)
            raise_format(&AttributeError_Type, "'%s' object attribute '%s' is read-only", tp->tp_name.c_str(),
                         attr_name(name));
        else
            raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", tp->tp_name.c_str(),
                         attr_name(name));
        return -1;
    }
    if (!*dp) {
        if (!value) {
            raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", tp->tp_name.c_str(),
                         attr_name(name));
            return -1;
        }
        bool managed = (tp->tp_flags & TPF_HEAPTYPE) && tp->tp_solid && !tp->tp_solid->tp_dictoffset;
        *dp = managed ? new_managed_dict() : new_dict();
        if (!*dp) return -1;
    }
    if (value) return dict_set(*dp, name, value);
    Object* existing = dict_get(*dp, name);
    if (!existing) {
        raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", tp->tp_name.c_str(), attr_name(name));
        return -1;
    }
    return dict_del(*dp, name);
}

// ---- type's own slots
static Object* type_getattro(Object* o, Object* name) {
    Type* type = static_cast<Type*>(o);
    Type* meta = o->ob_type;
    Object* meta_attr = type_lookup(meta, name);
    DescrGetFn meta_get = nullptr;
    if (meta_attr) {
        incref(meta_attr);
        meta_get = meta_attr->ob_type->tp_descr_get;
        if (meta_get && meta_attr->ob_type->tp_descr_set) {
            Object* r = meta_get(meta_attr, o, meta);
            decref(meta_attr);
            return r;
        }
    }
    Object* attr = type_lookup(type, name);
    if (attr) {
        xdecref(meta_attr);
        DescrGetFn local_get = attr->ob_type->tp_descr_get;
        if (local_get) return local_get(attr, nullptr, type);
        return newref(attr);
    }
    if (meta_get) {
        Object* r = meta_get(meta_attr, o, meta);
        decref(meta_attr);
        return r;
    }
    if (meta_attr) return meta_attr;
    return raise_format(&AttributeError_Type, "type object '%s' has no attribute '%s'", type->tp_name.c_str(),
                        attr_name(name));
}

void update_slot_for_name(Type* type, Object* name);  // class.cpp

static int type_setattro(Object* o, Object* name, Object* value) {
    Type* type = static_cast<Type*>(o);
    if (!(type->tp_flags & TPF_HEAPTYPE)) {
        raise_format(&TypeError_Type, "cannot set '%s' attribute of immutable type '%s'", attr_name(name),
                     type->tp_name.c_str());
        return -1;
    }
    Object* descr = type_lookup(o->ob_type, name);
    if (descr && descr->ob_type->tp_descr_set) return descr->ob_type->tp_descr_set(descr, o, value);
    int r;
    if (value) {
        r = dict_set(type->tp_dict, name, value);
    } else {
        r = dict_del(type->tp_dict, name);
        if (r < 0) {
            err_clear();
            raise_format(&AttributeError_Type, "type object '%s' has no attribute '%s'", type->tp_name.c_str(),
                         attr_name(name));
        }
    }
    if (r == 0 && str_value(name).size() > 4 && str_value(name).rfind("__", 0) == 0) update_slot_for_name(type, name);
    return r;
}

static Object* type_repr(Object* o) {
    Type* t = static_cast<Type*>(o);
    if (t->tp_module && is_str(t->tp_module) && str_value(t->tp_module) != "builtins")
        return new_str("<class '" + str_value(t->tp_module) + "." + t->tp_qualname + "'>");
    return new_str("<class '" + t->tp_name + "'>");
}

Object* type_new(Type* meta, Object* const* args, size_t nargs, Object* kwnames);  // class.cpp

static Object* type_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
    Type* type = static_cast<Type*>(callable);
    if (type == &Type_Type && nargs == 1 && !kwnames) return newref(args[0]->ob_type);
    if (!type->tp_new)
        return raise_format(&TypeError_Type, "cannot create '%s' instances", type->tp_name.c_str());
    Object* obj = type->tp_new(type, args, nargs, kwnames);
    if (!obj) return nullptr;
    if (!isinstance(obj, type)) return obj;
    Type* t = obj->ob_type;
    if (t->tp_init) {
        if (t->tp_init(obj, args, nargs, kwnames) < 0) {
            decref(obj);
            return nullptr;
        }
    }
    return obj;
}

static void type_dealloc(Object* o) {
    Type* t = static_cast<Type*>(o);
    gc_untrack(o);
    xdecref(t->tp_base);
    xdecref(t->tp_mro);
    xdecref(t->tp_dict);
    xdecref(t->tp_module);
    t->~Type();
    free_object(o);
}

static int type_traverse(Object* o, VisitFn visit, void* arg) {
    Type* t = static_cast<Type*>(o);
    if (t->tp_dict) if (int r = visit(t->tp_dict, arg)) return r;
    if (t->tp_mro) if (int r = visit(t->tp_mro, arg)) return r;
    if (t->tp_base) if (int r = visit(t->tp_base, arg)) return r;
    return 0;
}

static int type_clear(Object* o) {
    Type* t = static_cast<Type*>(o);
    clearref(reinterpret_cast<Object**>(&t->tp_mro));
    if (t->tp_dict) {
        extern int dict_clear_all(Object*);
        dict_clear_all(t->tp_dict);
    }
    return 0;
}

static Object* type_get_name(Object* o) { return new_str(static_cast<Type*>(o)->tp_name); }
static Object* type_get_qualname(Object* o) { return new_str(static_cast<Type*>(o)->tp_qualname); }
static Object* type_get_mro(Object* o) { return newref(static_cast<Type*>(o)->tp_mro); }
static Object* type_get_dict(Object* o) { return newref(static_cast<Type*>(o)->tp_dict); }
static Object* type_get_module(Object* o) {
    Type* t = static_cast<Type*>(o);
    if (t->tp_module) return newref(t->tp_module);
    return new_str("builtins");
}
static Object* type_get_base(Object* o) {
    Type* t = static_cast<Type*>(o);
    return t->tp_base ? newref(static_cast<Object*>(t->tp_base)) : none();
}
static Object* type_get_bases(Object* o) {
    Type* t = static_cast<Type*>(o);
    if (!t->tp_base) return new_tuple(0);
    return tuple_pack({t->tp_base});
}
static Object* type_get_doc(Object* o) {
    Type* t = static_cast<Type*>(o);
    if (Object* d = t->tp_dict ? dict_get_cstr(t->tp_dict, "__doc__") : nullptr) return newref(d);
    return t->tp_doc ? new_str(t->tp_doc) : none();
}
static int type_set_name(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "can only assign string to __name__");
        return -1;
    }
    static_cast<Type*>(o)->tp_name = str_value(v);
    return 0;
}
static int type_set_qualname(Object* o, Object* v) {
    if (!v || !is_str(v)) {
        raise(&TypeError_Type, "can only assign string to __qualname__");
        return -1;
    }
    static_cast<Type*>(o)->tp_qualname = str_value(v);
    return 0;
}

// ---- object's defaults
static Object* object_repr_default(Object* o) {
    Type* t = o->ob_type;
    char buf[64];
    snprintf(buf, sizeof buf, " object at %p>", object_address_ptr(o));
    std::string mod = "builtins";
    if (t->tp_module && is_str(t->tp_module)) mod = str_value(t->tp_module);
    if (mod != "builtins") return new_str("<" + mod + "." + t->tp_qualname + buf);
    return new_str("<" + t->tp_name + buf);
}
static Object* object_str_default(Object* o) { return object_repr(o); }
static intptr_t object_hash_default(Object* o) {
    // With a sink, a function of the trace id (deterministic traces); static types
    // keep their real address (their id may be assigned after they were hashed).
    uintptr_t y = has_flag(o, TPF_TYPE_SUBCLASS) && !(static_cast<Type*>(o)->tp_flags & TPF_HEAPTYPE)
                      ? reinterpret_cast<uintptr_t>(o) : object_address(o);
    y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
    intptr_t h = static_cast<intptr_t>(y);
    return h == -1 ? -2 : h;
}
static Object* object_richcompare_default(Object* a, Object* b, int op) {
    if (op == 2) return newref(a == b ? YS_True : YS_NotImplemented);
    if (op == 3) {
        // __ne__ inverts __eq__ unless it is NotImplemented.
        RichCmpFn eq = a->ob_type->tp_richcompare;
        if (!eq) return newref(YS_NotImplemented);
        Object* r = eq(a, b, 2);
        if (!r || r == YS_NotImplemented) return r;
        int t = object_is_true(r);
        decref(r);
        if (t < 0) return nullptr;
        return new_bool(!t);
    }
    return newref(YS_NotImplemented);
}

static bool excess_args(size_t nargs, Object* kwnames) { return nargs || (kwnames && tuple_size(kwnames)); }

Object* object_new(Type* type, Object* const* args, size_t nargs, Object* kwnames);  // class.cpp
static int object_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Type* t = self->ob_type;
    if (excess_args(nargs, kwnames)) {
        if (t->tp_init != object_init) {
            raise(&TypeError_Type, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == object_new) {
            raise_format(&TypeError_Type, "%s() takes no arguments", t->tp_name.c_str());
            return -1;
        }
    }
    return 0;
}
InitFn g_object_init = object_init;

static Object* object_get_class(Object* o) { return newref(static_cast<Object*>(o->ob_type)); }
static Object* object_get_dict(Object* o) {
    Object** dp = instance_dict_ptr(o);
    if (!dp) return raise_format(&AttributeError_Type, "'%s' object has no attribute '__dict__'", type_name(o));
    if (!*dp) *dp = new_dict();
    if (*dp) dict_unmanage(*dp);
    return xincref(*dp), *dp;
}

// ---- descriptors for native methods / getsets
static void descr_dealloc(Object* o) { free_object(o); }
static Object* methoddescr_get(Object* d, Object* obj, Object* type) {
    auto* md = static_cast<MethodDescrObject*>(d);
    if (md->def->flags & METH_STATIC) return new_builtin_function(md->def, nullptr);
    if (md->def->flags & METH_CLASS) return new_builtin_function(md->def, obj ? static_cast<Object*>(obj->ob_type) : type);
    if (!obj) return newref(d);
    return new_builtin_function(md->def, obj);
}
static Object* methoddescr_call(Object* d, Object* const* args, size_t nargs, Object* kwnames) {
    auto* md = static_cast<MethodDescrObject*>(d);
    if (md->def->flags & METH_STATIC) return md->def->fn(nullptr, args, nargs, kwnames);
    if (nargs < 1)
        return raise_format(&TypeError_Type, "unbound method %s.%s() needs an argument", md->owner->tp_name.c_str(),
                            md->def->name);
    if (md->def->flags & METH_CLASS) return md->def->fn(args[0], args + 1, nargs - 1, kwnames);
    if (!isinstance(args[0], md->owner))
        return raise_format(&TypeError_Type, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                            md->def->name, md->owner->tp_name.c_str(), type_name(args[0]));
    return md->def->fn(args[0], args + 1, nargs - 1, kwnames);
}
static Object* methoddescr_repr(Object* d) {
    auto* md = static_cast<MethodDescrObject*>(d);
    return new_str(std::string("<method '") + md->def->name + "' of '" + md->owner->tp_name + "' objects>");
}
static Object* getsetdescr_get(Object* d, Object* obj, Object*) {
    auto* gd = static_cast<GetSetDescrObject*>(d);
    if (!obj) return newref(d);
    return gd->def->get(obj);
}
static int getsetdescr_set(Object* d, Object* obj, Object* value) {
    auto* gd = static_cast<GetSetDescrObject*>(d);
    if (!gd->def->set) {
        raise_format(&AttributeError_Type, "attribute '%s' of '%s' objects is not writable", gd->def->name,
                     gd->owner->tp_name.c_str());
        return -1;
    }
    return gd->def->set(obj, value);
}
static Object* getsetdescr_repr(Object* d) {
    auto* gd = static_cast<GetSetDescrObject*>(d);
    return new_str(std::string("<attribute '") + gd->def->name + "' of '" + gd->owner->tp_name + "' objects>");
}

static void inherit_slots(Type* t, Type* b) {
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    if (!t->tp_richcompare && !t->tp_hash) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_call);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    INHERIT(tp_traverse);
    INHERIT(tp_clear);
    INHERIT(tp_trace_fields);
    for (int i = 0; i < 13; i++) {
        INHERIT(nb_binary[i]);
        INHERIT(nb_inplace[i]);
    }
    INHERIT(nb_negative);
    INHERIT(nb_positive);
    INHERIT(nb_invert);
    INHERIT(nb_absolute);
    INHERIT(nb_bool);
    INHERIT(nb_index);
    INHERIT(nb_int);
    INHERIT(nb_float);
    INHERIT(mp_length);
    INHERIT(mp_subscript);
    INHERIT(mp_ass_subscript);
    INHERIT(sq_contains);
#undef INHERIT
    if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
    if (!t->tp_weaklistoffset) t->tp_weaklistoffset = b->tp_weaklistoffset;
    t->tp_flags |= b->tp_flags & (TPF_INT_SUBCLASS | TPF_LIST_SUBCLASS | TPF_TUPLE_SUBCLASS | TPF_STR_SUBCLASS |
                                  TPF_DICT_SUBCLASS | TPF_BASE_EXC_SUBCLASS | TPF_TYPE_SUBCLASS);
}

void type_ready(Type* t) {
    if (t->tp_flags & TPF_READY) return;
    t->ob_type = &Type_Type;
    if (!(t->tp_flags & TPF_HEAPTYPE)) t->ob_refcnt = 1 << 30;
    if (t != &Object_Type && !t->tp_base) t->tp_base = &Object_Type;
    if (t->tp_base) {
        type_ready(t->tp_base);
        inherit_slots(t, t->tp_base);
        if (t->tp_flags & TPF_HEAPTYPE) {
            if (!t->tp_new) t->tp_new = t->tp_base->tp_new;
        }
    }
    if (t->tp_qualname.empty()) t->tp_qualname = t->tp_name;
    if (!t->tp_solid) t->tp_solid = (t->tp_flags & TPF_HEAPTYPE) && t->tp_base ? t->tp_base->tp_solid : t;
    // MRO: single inheritance, so the base chain.
    std::vector<Object*> mro;
    for (Type* x = t; x; x = x->tp_base) mro.push_back(x);
    t->tp_mro = static_cast<TupleObject*>(tuple_from(mro.data(), static_cast<intptr_t>(mro.size())));
    if (!t->tp_dict) t->tp_dict = static_cast<DictObject*>(new_dict());
    for (const MethodDef& def : t->tp_methods) {
        MethodDescrObject* d = alloc<MethodDescrObject>(&MethodDescr_Type);
        d->def = &def;
        d->owner = t;
        dict_set_cstr(t->tp_dict, def.name, d);
        decref(d);
    }
    for (const GetSetDef& def : t->tp_getset) {
        GetSetDescrObject* d = alloc<GetSetDescrObject>(&GetSetDescr_Type);
        d->def = &def;
        d->owner = t;
        dict_set_cstr(t->tp_dict, def.name, d);
        decref(d);
    }
    if (t->tp_doc && !dict_get_cstr(t->tp_dict, "__doc__")) {
        Object* s = new_str(t->tp_doc);
        dict_set_cstr(t->tp_dict, "__doc__", s);
        decref(s);
    }
    t->tp_flags |= TPF_READY;
}

void init_type_object_types() {
    Type* t = &Type_Type;
    t->tp_name = "type";
    t->tp_basicsize = sizeof(Type);
    t->tp_flags = TPF_BASETYPE | TPF_TYPE_SUBCLASS | TPF_HAVE_GC;
    t->tp_base = &Object_Type;
    t->tp_dealloc = type_dealloc;
    t->tp_traverse = type_traverse;
    t->tp_clear = type_clear;
    t->tp_getattro = type_getattro;
    t->tp_setattro = type_setattro;
    t->tp_repr = type_repr;
    t->tp_call = type_call;
    t->tp_new = type_new;
    t->tp_getset = {{"__name__", type_get_name, type_set_name},
                    {"__qualname__", type_get_qualname, type_set_qualname},
                    {"__mro__", type_get_mro},
                    {"__dict__", type_get_dict},
                    {"__module__", type_get_module},
                    {"__base__", type_get_base},
                    {"__bases__", type_get_bases},
                    {"__doc__", type_get_doc}};

    Type* o = &Object_Type;
    o->tp_name = "object";
    o->tp_basicsize = sizeof(Object);
    o->tp_flags = TPF_BASETYPE;
    o->tp_repr = object_repr_default;
    o->tp_str = object_str_default;
    o->tp_hash = object_hash_default;
    o->tp_richcompare = object_richcompare_default;
    o->tp_getattro = generic_getattr;
    o->tp_setattro = generic_setattr;
    o->tp_init = object_init;
    o->tp_new = object_new;
    o->tp_dealloc = [](Object* x) { free_object(x); };
    o->tp_getset = {{"__class__", object_get_class}, {"__dict__", object_get_dict}};

    Type* md = &MethodDescr_Type;
    md->tp_name = "method_descriptor";
    md->tp_basicsize = sizeof(MethodDescrObject);
    md->tp_dealloc = descr_dealloc;
    md->tp_descr_get = methoddescr_get;
    md->tp_call = methoddescr_call;
    md->tp_repr = methoddescr_repr;

    Type* gd = &GetSetDescr_Type;
    gd->tp_name = "getset_descriptor";
    gd->tp_basicsize = sizeof(GetSetDescrObject);
    gd->tp_dealloc = descr_dealloc;
    gd->tp_descr_get = getsetdescr_get;
    gd->tp_descr_set = getsetdescr_set;
    gd->tp_repr = getsetdescr_repr;
}

}  // namespace ys::vm
