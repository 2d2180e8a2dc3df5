// The field reporters for modules, containers, instances, exceptions, tracebacks,
// cells and classes (REPORTING.md): what report::report_object reads of each object
// kind. The reporting sink that compares and forwards the fields is trace_report.cpp.
#include "vm/trace_report_objects.h"

#include <string>

#include "vm/runtime.h"
#include "vm/trace_report.h"
#include "vm/trace_value_text.h"

namespace ys::vm::report {
namespace {

std::string key_name(Object* k) {
    if (is_inline(k)) return inline_repr(k);
    trace_created(k);
    return "<" + k->ob_type->tp_name + " #" + std::to_string(k->ob_trace_id) + ">";
}

void report_dict_items(uint64_t id, Object* d, bool by_repr) {
    intptr_t pos = 0;
    Object *k = nullptr, *v = nullptr;
    while (dict_next(d, &pos, &k, &v)) {
        if (!k) continue;
        if (!by_repr && k->ob_type == &Str_Type) field_object(id, str_value(k), v);
        else field_object(id, key_name(k), v);
    }
}

void report_module(Object* o) {
    ModuleObject* m = static_cast<ModuleObject*>(o);
    uint64_t id = o->ob_trace_id;
    begin_scan(id);
    field(id, "__name__", m->md_name ? trace_str_text(m->md_name) : trace::Value::null());
    // The namespace dict the module owns (a deliberate addition, REPORTING.md).
    field(id, "md_dict", trace_value(m->md_dict));
    if (m->md_dict) {
        module_owns_dict(o, m->md_dict);
        report_dict_items(id, m->md_dict, false);
    }
    end_scan(id);
}

void report_exception(Object* o) {
    ExceptionObject* e = static_cast<ExceptionObject*>(o);
    uint64_t id = o->ob_trace_id;
    field(id, "args", trace_value(e->args));
    field(id, "__traceback__", trace_value(e->traceback));
    field(id, "__context__", trace_value(e->context));
    field(id, "__cause__", trace_value(e->cause));
    // str(exc) of the built-in exception types only: never run user code here.
    if (!(o->ob_type->tp_flags & TPF_HEAPTYPE)) {
        Object* saved = err_fetch();
        if (Object* s = exc_str(o)) {
            field(id, "str", trace_str_text(s));
            decref(s);
        }
        err_clear();
        err_restore(saved);
    }
    if (Object** dp = instance_dict_ptr(o); dp && *dp) report_dict_items(id, *dp, false);
}

void report_items(uint64_t id, Object* const* items, size_t n) {
    for (size_t i = 0; i < n; i++) field(id, "ob_item[" + std::to_string(i) + "]", trace_value(items[i]));
}

// The objects whose set of fields changes (items, keys, attributes) are re-scanned
// whole, and what was not seen again is reported removed.
void report_scanned(Object* o) {
    Type* t = o->ob_type;
    uint64_t id = o->ob_trace_id;
    begin_scan(id);
    if (is_tuple(o)) {
        report_items(id, tuple_items(o), static_cast<size_t>(tuple_size(o)));
    } else if (is_list(o)) {
        auto& items = list_items(o);
        report_items(id, items.data(), items.size());
    } else if (is_dict(o)) {
        report_dict_items(id, o, true);
    } else if (is_set(o)) {
        intptr_t pos = 0;
        Object* k = nullptr;
        int i = 0;
        while (set_next(o, &pos, &k)) field(id, "item[" + std::to_string(i++) + "]", trace_value(k));
    } else if (has_flag(o, TPF_TYPE_SUBCLASS)) {
        Type* ty = static_cast<Type*>(o);
        field(id, "__name__", trace::Value::inline_text(str_repr_text(ty->tp_name)));
        field(id, "__base__", trace_value(ty->tp_base));
        if (ty->tp_dict) report_dict_items(id, ty->tp_dict, false);
    } else if (t->tp_flags & TPF_HEAPTYPE) {
        if (Object** dp = instance_dict_ptr(o); dp && *dp) report_dict_items(id, *dp, false);
    }
    end_scan(id);
}

}  // namespace

void report_object(Object* o) {
    if (!o->ob_trace_id || o->ob_refcnt <= 0) return;
    Type* t = o->ob_type;
    uint64_t id = o->ob_trace_id;
    if (t->tp_trace_fields) {
        t->tp_trace_fields(o, sink());
        return;
    }
    if (t == &Module_Type) {
        report_module(o);
    } else if (is_exception(o)) {
        report_exception(o);
    } else if (t == &Cell_Type) {
        field(id, "cell_contents", trace_value(static_cast<CellObject*>(o)->ob_ref));
    } else if (t == &Traceback_Type) {
        TracebackObject* tb = static_cast<TracebackObject*>(o);
        field(id, "tb_next", trace_value(tb->tb_next));
        field(id, "tb_frame", trace_value(tb->tb_frame));
        field(id, "tb_lineno", trace::Value::integer(tb->tb_lineno));
        field(id, "tb_lasti", trace::Value::integer(tb->tb_lasti));
    } else if (has_flag(o, TPF_TYPE_SUBCLASS) && !(static_cast<Type*>(o)->tp_flags & TPF_HEAPTYPE)) {
        return;  // static types: nothing of theirs is drawn
    } else if (is_tuple(o) || is_list(o) || is_dict(o) || is_set(o) || has_flag(o, TPF_TYPE_SUBCLASS) ||
               (t->tp_flags & TPF_HEAPTYPE)) {
        report_scanned(o);
    }
}

}  // namespace ys::vm::report
