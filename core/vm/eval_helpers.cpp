// Helpers of the eval loop, each named after the ceval.c function it mirrors.
#include "vm/eval_support.h"
#include "vm/trace_report.h"

namespace ys::vm {

extern Type SlotWrapper_Type;

Object* object_format(Object* value, Object* spec);  // builtins (format())
void set_attribute_error_context(Object* obj, Object* name);

static bool check_recursive(const char* where) {
    Runtime& r = rt();
    if (r.recursion_headroom) {
        return true;  // already handling a RecursionError: allow some headroom
    }
    if (r.recursion_remaining <= 0) {
        r.recursion_headroom++;
        raise_format(&RecursionError_Type, "maximum recursion depth exceeded%s", where);
        r.recursion_headroom--;
        ++r.recursion_remaining;
        return false;
    }
    return true;
}

bool enter_recursive_call(const char* where) {
    Runtime& r = rt();
    if (--r.recursion_remaining < 0) return check_recursive(where);
    return true;
}

bool enter_recursive_py() {
    Runtime& r = rt();
    if (r.recursion_remaining-- <= 0) return check_recursive("");
    return true;
}

void report_frame(trace::EventKind kind, Frame* f) {
    trace::Event ev;
    ev.kind = kind;
    ev.subject = frame_trace_id(f);  // the _PyInterpreterFrame itself (trace_report.cpp)
    ev.frame = ev.subject;
    ev.line = f->lineno();
    ev.lasti = f->prev_instr < 0 ? -1 : f->prev_instr * 2;
    ev.text = str_value(f->f_code->co_qualname);
    t_sink->on_event(ev);
}

void report_instruction(Frame* f, int opcode, unsigned oparg) {
    Runtime& r = rt();
    if (r.granularity == trace::Granularity::Events) return;
    static thread_local int last_line = -1;
    static thread_local Frame* last_frame = nullptr;
    int line = f->f_code->code->line_of_unit(f->prev_instr);
    trace::Event ev;
    ev.frame = frame_trace_id(f);
    ev.subject = ev.frame;
    ev.line = line;
    ev.lasti = f->prev_instr * 2;
    if (r.granularity == trace::Granularity::Instructions) {
        ev.kind = trace::EventKind::Instruction;
        const char* name = op_info(static_cast<unsigned char>(opcode)).name;
        ev.text = std::string(name ? name : "?") + " " + std::to_string(oparg);
        t_sink->on_event(ev);
    } else if (line != last_line || f != last_frame) {
        ev.kind = trace::EventKind::Line;
        t_sink->on_event(ev);
    }
    last_line = line;
    last_frame = f;
}

void report_caught(Frame* f, Object* exc) {
    trace::Event ev;
    ev.kind = trace::EventKind::ExcCaught;
    trace_created(exc);
    ev.subject = exc->ob_trace_id;
    ev.line = f->lineno();
    ev.lasti = f->prev_instr * 2;
    ev.text = type_name(exc);
    t_rt->raise_reported = 0;  // a re-raise of the same object is a new raise
    t_sink->on_event(ev);
}

void unbound_local_error(CodeObj* co, int index) {
    raise_format(&UnboundLocalError_Type, "cannot access local variable '%s' where it is not associated with a value",
                 str_value(tuple_items(co->localsplusnames)[index]).c_str());
}

void unbound_deref_error(CodeObj* co, int index) {
    if (err_occurred()) return;
    const char* name = str_value(tuple_items(co->localsplusnames)[index]).c_str();
    if (co->code->co_localspluskinds[static_cast<size_t>(index)] & CO_FAST_FREE)
        raise_format(&NameError_Type,
                     "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                     name);
    else
        raise_format(&UnboundLocalError_Type,
                     "cannot access local variable '%s' where it is not associated with a value", name);
}

void name_error(Object* name) {
    raise_format(&NameError_Type, "name '%s' is not defined", str_value(name).c_str());
    Object* exc = rt().curexc;
    if (exc) {
        Object** dp = instance_dict_ptr(exc);
        if (dp) {
            if (!*dp) *dp = new_dict();
            dict_set_cstr(*dp, "name", name);
        }
    }
}

int get_method(Object* obj, Object* name, Object** method) {
    Type* tp = obj->ob_type;
    if (tp->tp_getattro != generic_getattr) {
        *method = get_attr(obj, name);
        return 0;
    }
    Object* descr = type_lookup(tp, name);
    DescrGetFn f = nullptr;
    bool meth_found = false;
    if (descr) {
        incref(descr);
        if (descr->ob_type == &Function_Type || descr->ob_type == &MethodDescr_Type ||
            descr->ob_type == &SlotWrapper_Type) {
            meth_found = true;
        } else {
            f = descr->ob_type->tp_descr_get;
            if (f && descr->ob_type->tp_descr_set) {
                *method = f(descr, obj, tp);
                decref(descr);
                return 0;
            }
        }
    }
    if (Object** dp = instance_dict_ptr(obj)) {
        if (*dp) {
            if (Object* attr = dict_get(*dp, name)) {
                *method = newref(attr);
                xdecref(descr);
                return 0;
            }
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f) {
        *method = f(descr, obj, tp);
        decref(descr);
        return 0;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    raise_format(&AttributeError_Type, "'%s' object has no attribute '%s'", tp->tp_name.c_str(), str_value(name).c_str());
    set_attribute_error_context(obj, name);
    *method = nullptr;
    return 0;
}

int list_extend(Object* list, Object* iterable) {
    Object* seq = sequence_to_list(iterable);
    if (!seq) {
        if (err_matches(&TypeError_Type) && !iterable->ob_type->tp_iter && !iterable->ob_type->mp_subscript) {
            err_clear();
            raise_format(&TypeError_Type, "Value after * must be an iterable, not %s", type_name(iterable));
        }
        return -1;
    }
    for (Object* x : list_items(seq)) list_append(list, x);
    decref(seq);
    return 0;
}

int dict_merge(Object* a, Object* b);
static std::string func_str(Object* func) {
    if (!func) return "function";
    Object* qn = lookup_attr(func, intern("__qualname__"), nullptr);
    std::string s = qn && is_str(qn) ? str_value(qn) + "()" : type_name(func);
    xdecref(qn);
    return s;
}

int dict_update_op(Object* dict, Object* update, bool merge, Object* func) {
    if (!merge) {
        if (!is_dict(update)) {
            Object* keys = lookup_attr(update, intern("keys"), nullptr);
            if (!keys) {
                raise_format(&TypeError_Type, "'%s' object is not a mapping", type_name(update));
                return -1;
            }
            decref(keys);
        }
        return dict_merge(dict, update);
    }
    if (!is_dict(update)) {
        Object* keys = lookup_attr(update, intern("keys"), nullptr);
        if (!keys) {
            raise_format(&TypeError_Type, "%s argument after ** must be a mapping, not %s", func_str(func).c_str(),
                         type_name(update));
            return -1;
        }
        decref(keys);
    }
    Object* src = is_dict(update) ? newref(update) : nullptr;
    if (!src) {
        src = new_dict();
        if (dict_merge(src, update) < 0) {
            decref(src);
            return -1;
        }
    }
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(src, &pos, &k, &v)) {
        if (dict_get(dict, k)) {
            raise_format(&TypeError_Type, "%s got multiple values for keyword argument '%s'", func_str(func).c_str(),
                         is_str(k) ? str_value(k).c_str() : "?");
            decref(src);
            return -1;
        }
        if (dict_set(dict, k, v) < 0) {
            decref(src);
            return -1;
        }
    }
    decref(src);
    return 0;
}

bool unpack_sequence(Object* seq, int before, int after, Object** sp) {
    bool star = after >= 0;
    int total = before + (star ? after + 1 : 0);
    std::vector<Object*> items;
    Object* it = get_iter(seq);
    if (!it) {
        if (err_matches(&TypeError_Type) && !seq->ob_type->tp_iter && !seq->ob_type->mp_subscript) {
            err_clear();
            raise_format(&TypeError_Type, "cannot unpack non-iterable %s object", type_name(seq));
        }
        return false;
    }
    auto fail = [&]() {
        for (Object* x : items) decref(x);
        decref(it);
        return false;
    };
    for (int i = 0; i < before; i++) {
        Object* x = iter_next(it);
        if (!x) {
            if (err_occurred()) return fail();
            if (star)
                raise_format(&ValueError_Type, "not enough values to unpack (expected at least %d, got %d)",
                             before + after, i);
            else
                raise_format(&ValueError_Type, "not enough values to unpack (expected %d, got %d)", before, i);
            return fail();
        }
        items.push_back(x);
    }
    if (!star) {
        Object* x = iter_next(it);
        if (x) {
            decref(x);
            raise_format(&ValueError_Type, "too many values to unpack (expected %d)", before);
            return fail();
        }
        if (err_occurred()) return fail();
    } else {
        Object* rest = sequence_to_list(it);
        if (!rest) return fail();
        auto& v = list_items(rest);
        if (static_cast<int>(v.size()) < after) {
            raise_format(&ValueError_Type, "not enough values to unpack (expected at least %d, got %zu)",
                         before + after, static_cast<size_t>(before) + v.size());
            decref(rest);
            return fail();
        }
        std::vector<Object*> tail(v.end() - after, v.end());
        v.resize(v.size() - static_cast<size_t>(after));
        items.push_back(rest);
        for (Object* x : tail) items.push_back(x);  // references move from the list
    }
    decref(it);
    for (int k = 0; k < total; k++) sp[k] = items[static_cast<size_t>(total - 1 - k)];
    return true;
}

Object* format_value(Object* value, int conversion, Object* spec) {
    Object* v = newref(value);
    if (conversion == 1) {
        setref(&v, object_str(value));
    } else if (conversion == 2 || conversion == 3) {
        setref(&v, object_repr(value));
    }
    if (!v) return nullptr;
    if (v->ob_type == &Str_Type && (!spec || str_value(spec).empty())) return v;
    Object* r = object_format(v, spec);
    decref(v);
    return r;
}

bool check_except_type_valid(Object* right) {
    auto valid = [](Object* t) { return is_exception_type(t); };
    bool ok = true;
    if (is_tuple(right)) {
        for (intptr_t i = 0; i < tuple_size(right); i++)
            if (!valid(tuple_items(right)[i])) ok = false;
    } else {
        ok = valid(right);
    }
    if (!ok) raise(&TypeError_Type, "catching classes that do not inherit from BaseException is not allowed");
    return ok;
}

bool do_raise(Object* exc, Object* cause) {
    Runtime& r = rt();
    if (!exc) {
        ExcStackItem* info = r.exc_info;
        while ((!info->exc_value || info->exc_value == YS_None) && info->previous_item) info = info->previous_item;
        Object* value = info->exc_value;
        if (!value || value == YS_None) {
            raise(&RuntimeError_Type, "No active exception to reraise");
            return false;
        }
        err_restore(newref(value));
        return true;
    }
    Object* value = nullptr;
    if (is_exception_type(exc)) {
        value = call0(exc);
        if (!value) goto raise_error;
        if (!is_exception(value)) {
            raise_format(&TypeError_Type, "calling %s should have returned an instance of BaseException, not %s",
                         repr_string(exc).c_str(), type_name(value));
            goto raise_error;
        }
    } else if (is_exception(exc)) {
        value = newref(exc);
    } else {
        raise(&TypeError_Type, "exceptions must derive from BaseException");
        goto raise_error;
    }
    if (cause) {
        Object* fixed = nullptr;
        if (is_exception_type(cause)) {
            fixed = call0(cause);
            if (!fixed) goto raise_error;
        } else if (is_exception(cause)) {
            fixed = newref(cause);
        } else if (cause == YS_None) {
            fixed = nullptr;
        } else {
            raise(&TypeError_Type, "exception causes must derive from BaseException");
            goto raise_error;
        }
        ExceptionObject* e = static_cast<ExceptionObject*>(value);
        setref(&e->cause, fixed);
        e->suppress_context = true;
    }
    raise_exc(value);
    decref(value);
    decref(exc);
    xdecref(cause);
    return false;
raise_error:
    xdecref(value);
    decref(exc);
    xdecref(cause);
    return false;
}

Object* import_from(Object* module, Object* name) {
    Object* r = get_attr(module, name);
    if (r || !err_matches(&AttributeError_Type)) return r;
    err_clear();
    Object* mname = lookup_attr(module, intern("__name__"), nullptr);
    std::string m = mname && is_str(mname) ? str_value(mname) : "<unknown module name>";
    xdecref(mname);
    return raise_format(&ImportError_Type, "cannot import name '%s' from '%s' (unknown location)",
                        str_value(name).c_str(), m.c_str());
}

Object* lookup_special(Object* o, const char* name) {
    Object* f = type_lookup(o->ob_type, intern(name));
    if (!f) return nullptr;
    if (f->ob_type->tp_descr_get) return f->ob_type->tp_descr_get(f, o, o->ob_type);
    return newref(f);
}

bool before_with(Object* mgr, Object** exit, Object** res) {
    Object* enter = lookup_special(mgr, "__enter__");
    if (!enter) {
        if (!err_occurred())
            raise_format(&TypeError_Type, "'%s' object does not support the context manager protocol", type_name(mgr));
        return false;
    }
    *exit = lookup_special(mgr, "__exit__");
    if (!*exit) {
        if (!err_occurred())
            raise_format(&TypeError_Type,
                         "'%s' object does not support the context manager protocol (missed __exit__ method)",
                         type_name(mgr));
        decref(enter);
        return false;
    }
    *res = call0(enter);
    decref(enter);
    return true;
}

struct MethodObjectView : Object {
    Object* im_func;
    Object* im_self;
};
void unpack_bound_method(Object** sp, unsigned oparg) {
    Object* function = sp[-static_cast<int>(oparg) - 1];
    auto* m = static_cast<MethodObjectView*>(function);
    Object* meth = newref(m->im_func);
    Object* self = newref(m->im_self);
    sp[-static_cast<int>(oparg) - 1] = self;
    sp[-static_cast<int>(oparg) - 2] = meth;
    decref(function);
}

Object* call_function_ex(Object* func, Object* callargs, Object* kwargs) {
    Object* args = nullptr;
    if (is_tuple(callargs)) {
        args = newref(callargs);
    } else {
        if (!callargs->ob_type->tp_iter && !callargs->ob_type->mp_subscript)
            return raise_format(&TypeError_Type, "%s argument after * must be an iterable, not %s",
                                func_str(func).c_str(), type_name(callargs));
        args = sequence_to_tuple(callargs);
        if (!args) return nullptr;
    }
    std::vector<Object*> stack(tuple_items(args), tuple_items(args) + tuple_size(args));
    Object* kwnames = nullptr;
    if (kwargs && dict_size(kwargs)) {
        kwnames = new_tuple(dict_size(kwargs));
        intptr_t pos = 0, i = 0;
        Object *k, *v;
        while (dict_next(kwargs, &pos, &k, &v)) {
            tuple_items(kwnames)[i++] = newref(k);
            stack.push_back(v);
        }
    }
    Object* r = call(func, stack.data(), static_cast<size_t>(tuple_size(args)), kwnames);
    xdecref(kwnames);
    decref(args);
    return r;
}

}  // namespace ys::vm
