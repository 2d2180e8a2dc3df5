// The reporting wrapper sink and the field reporters for frames, the thread state,
// modules, containers, instances, exceptions, tracebacks, cells and classes
// (REPORTING.md). Only reached with a sink attached.
#include "vm/trace_report.h"

#include <algorithm>
#include <string>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vm/runtime.h"

namespace ys::vm {

namespace {

bool is_inline(Object* o) {
    Type* t = o->ob_type;
    return t == &Int_Type || t == &Bool_Type || t == &Float_Type || t == &Str_Type || t == &None_Type ||
           t == &NotImplemented_Type || t == &Ellipsis_Type;
}

class ReportSink final : public trace::TraceSink {
public:
    explicit ReportSink(trace::TraceSink* in) : inner(in) {}
    trace::TraceSink* inner;
    uint64_t ts_id = 0;
    std::unordered_set<Object*> dirty;
    // The last value reported for each field of each live object.
    std::unordered_map<trace::ObjectId, std::map<std::string, trace::Value, std::less<>>> last;
    // Process-wide objects (static types, objects made before any runtime) that got
    // an id in this run: their ids are reset at the end so the next recording in
    // the same process numbers them afresh.
    std::vector<Object*> statics;
    bool syncing = false;

    void on_code(trace::ObjectId id, const CodePtr& code) override { inner->on_code(id, code); }
    void on_object_created(trace::ObjectId id, std::string_view type_name, int64_t refcount) override {
        inner->on_object_created(id, type_name, refcount);
    }
    void on_field_set(trace::ObjectId id, std::string_view field, const trace::Value& value) override {
        // Only changes go through: fields are re-reported at every event boundary.
        auto& fields = last[id];
        auto it = fields.find(field);
        if (it != fields.end()) {
            if (it->second == value) return;
            it->second = value;
        } else {
            fields.emplace(std::string(field), value);
        }
        inner->on_field_set(id, field, value);
    }
    void on_refcount(trace::ObjectId id, int64_t refcount) override { inner->on_refcount(id, refcount); }
    void on_object_freed(trace::ObjectId id) override {
        last.erase(id);
        inner->on_object_freed(id);
    }
    void on_event(const trace::Event& e) override {
        if (syncing || !t_rt) {
            inner->on_event(e);
            return;
        }
        syncing = true;
        Object* saved = err_fetch();
        sync();
        trace::Event ev = e;
        Frame* f = t_rt->current_frame;
        ev.frame = f ? frame_trace_id(f) : 0;
        err_restore(saved);
        syncing = false;
        inner->on_event(ev);
    }
    void sync();
    void report_thread_state();
};

thread_local ReportSink* t_report = nullptr;

void field(uint64_t id, const std::string& name, const trace::Value& v) { t_report->on_field_set(id, name, v); }

std::string key_name(Object* k) {
    if (is_inline(k)) {
        std::string s = repr_string(k);
        return s;
    }
    trace_created(k);
    return "<" + k->ob_type->tp_name + " #" + std::to_string(k->ob_trace_id) + ">";
}

void report_dict_items(uint64_t id, Object* d, bool by_repr) {
    intptr_t pos = 0;
    Object *k = nullptr, *v = nullptr;
    while (dict_next(d, &pos, &k, &v)) {
        if (!k) continue;
        std::string name = by_repr ? key_name(k) : (is_str(k) ? str_value(k) : key_name(k));
        field(id, name, trace_value(v));
    }
}

void report_module(Object* o) {
    ModuleObject* m = static_cast<ModuleObject*>(o);
    field(o->ob_trace_id, "__name__", m->md_name ? trace_str_text(m->md_name) : trace::Value::null());
    // The namespace dict the module owns (a deliberate addition, REPORTING.md).
    field(o->ob_trace_id, "md_dict", trace_value(m->md_dict));
    if (m->md_dict) report_dict_items(o->ob_trace_id, m->md_dict, false);
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

void report_object(Object* o) {
    if (!o->ob_trace_id || o->ob_refcnt <= 0) return;
    Type* t = o->ob_type;
    uint64_t id = o->ob_trace_id;
    if (t->tp_trace_fields) {
        t->tp_trace_fields(o, t_report);
        return;
    }
    if (is_tuple(o)) {
        Object** items = tuple_items(o);
        for (intptr_t i = 0; i < tuple_size(o); i++)
            field(id, "ob_item[" + std::to_string(i) + "]", trace_value(items[i]));
    } else if (is_list(o)) {
        auto& items = list_items(o);
        for (size_t i = 0; i < items.size(); i++)
            field(id, "ob_item[" + std::to_string(i) + "]", trace_value(items[i]));
    } else if (is_dict(o)) {
        report_dict_items(id, o, true);
    } else if (is_set(o)) {
        intptr_t pos = 0;
        Object* k = nullptr;
        int i = 0;
        while (set_next(o, &pos, &k)) field(id, "item[" + std::to_string(i++) + "]", trace_value(k));
    } else if (t == &Module_Type) {
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
    } else if (has_flag(o, TPF_TYPE_SUBCLASS)) {
        Type* ty = static_cast<Type*>(o);
        if (!(ty->tp_flags & TPF_HEAPTYPE)) return;
        field(id, "__name__", trace::Value::inline_text(repr_string(intern(ty->tp_name))));
        field(id, "__base__", trace_value(ty->tp_base));
        if (ty->tp_dict) report_dict_items(id, ty->tp_dict, false);
    } else if (t->tp_flags & TPF_HEAPTYPE) {
        if (Object** dp = instance_dict_ptr(o); dp && *dp) report_dict_items(id, *dp, false);
    }
}

}  // namespace

void ReportSink::report_thread_state() {
    Runtime& r = *t_rt;
    field(ts_id, "cframe.current_frame",
          r.current_frame ? trace::Value::pointer(frame_trace_id(r.current_frame)) : trace::Value::null());
    field(ts_id, "exc_info", exc_item_owner(r.exc_info));
    field(ts_id, "exc_state.exc_value", trace_value(r.exc_state.exc_value));
    // What the interpreter state owns (a deliberate addition, REPORTING.md).
    field(ts_id, "interp.modules", trace_value(r.modules));
    field(ts_id, "interp.sys_stdout", trace_value(r.sys_stdout));
    field(ts_id, "interp.sys_stderr", trace_value(r.sys_stderr));
}

void ReportSink::sync() {
    Runtime& r = *t_rt;
    // Dirty objects first (their reports may create further objects; those are
    // reported at the next event, or right here when they are referenced).
    for (int round = 0; round < 4 && !dirty.empty(); round++) {
        std::vector<Object*> todo(dirty.begin(), dirty.end());
        dirty.clear();
        // In id order: the set's pointer order would differ from run to run.
        std::sort(todo.begin(), todo.end(), [](Object* a, Object* b) { return a->ob_trace_id < b->ob_trace_id; });
        for (Object* o : todo) report_object(o);
    }
    dirty.clear();
    if (r.main_module && r.main_module->ob_trace_id) report_module(r.main_module);
    if (Frame* f = r.current_frame) {
        report_frame_fields(f);
        if (f->previous) report_frame_fields(f->previous);
    }
    report_thread_state();
}

trace::TraceSink* trace_report_begin(trace::TraceSink* inner) {
    if (!inner) return nullptr;
    t_report = new ReportSink(inner);
    t_report->ts_id = t_rt->next_trace_id++;
    inner->on_object_created(t_report->ts_id, "PyThreadState", 1);
    t_report->on_field_set(t_report->ts_id, "cframe.current_frame", trace::Value::null());
    t_report->on_field_set(t_report->ts_id, "exc_info", trace::Value::pointer(t_report->ts_id));
    t_report->on_field_set(t_report->ts_id, "exc_state.exc_value", trace::Value::null());
    return t_report;
}

void trace_report_end() {
    if (t_report)
        for (Object* o : t_report->statics) o->ob_trace_id = 0;
    delete t_report;
    t_report = nullptr;
}

trace::Value trace_value(Object* o) {
    if (!o) return trace::Value::null();
    if (is_inline(o)) {
        Object* saved = err_fetch();
        std::string r = repr_string(o);
        err_clear();
        err_restore(saved);
        return trace::Value::inline_text(std::move(r));
    }
    trace_created(o);
    return trace::Value::pointer(o->ob_trace_id);
}

trace::Value trace_str_text(Object* s) {
    if (!s) return trace::Value::null();
    return trace_value(s);
}

uint64_t frame_trace_id(Frame* f) {
    if (f->trace_id || !t_report || !t_rt) return f->trace_id;
    f->trace_id = t_rt->next_trace_id++;
    t_report->inner->on_object_created(f->trace_id, "frame", 1);
    report_frame_fields(f);
    return f->trace_id;
}

static const char* owner_name(uint8_t owner) {
    switch (owner) {
        case FRAME_OWNED_BY_GENERATOR: return "FRAME_OWNED_BY_GENERATOR";
        case FRAME_OWNED_BY_FRAME_OBJECT: return "FRAME_OWNED_BY_FRAME_OBJECT";
        default: return "FRAME_OWNED_BY_THREAD";
    }
}

void report_frame_fields(Frame* f) {
    if (!t_report) return;
    uint64_t id = frame_trace_id(f);
    CodeObj* co = f->f_code;
    trace_created(co);
    field(id, "f_code", trace::Value::pointer(co->ob_trace_id));
    field(id, "f_func", trace_value(f->f_func));
    field(id, "previous", f->previous ? trace::Value::pointer(frame_trace_id(f->previous)) : trace::Value::null());
    field(id, "prev_instr", trace::Value::integer(f->prev_instr < 0 ? -1 : f->prev_instr * 2));
    field(id, "f_lineno", trace::Value::integer(f->lineno()));
    field(id, "stacktop", trace::Value::integer(f->stacktop));
    field(id, "owner", trace::Value::inline_text(owner_name(f->owner)));
    Object** lp = f->localsplus();
    Object** names = tuple_items(co->localsplusnames);
    int n = co->nlocalsplus;
    for (int i = 0; i < n; i++)
        field(id, "localsplus[" + str_value(names[i]) + "]", trace_value(lp[i]));
    // The value stack (a deliberate addition, REPORTING.md): the frame owns what is
    // on it; NULL above stacktop. Only for a suspended generator's frame: a frame on
    // the running chain saves stacktop only at some instructions, so slots above the
    // real top may hold values already freed.
    if (f->owner != FRAME_OWNED_BY_GENERATOR) return;
    int8_t state = gen_from_frame(f)->gi_frame_state;
    if (state != FRAME_SUSPENDED && state != FRAME_CREATED) return;
    for (int i = 0; i < co->stacksize; i++)
        field(id, "stack[" + std::to_string(i) + "]", n + i < f->stacktop ? trace_value(lp[n + i]) : trace::Value::null());
}

void trace_frame_gone(Frame* f) {
    if (f->trace_id && t_report) t_report->on_object_freed(f->trace_id);
    f->trace_id = 0;
}

trace::Value exc_item_owner(ExcStackItem* item) {
    if (!item || !t_report || !t_rt) return trace::Value::null();
    if (item == &t_rt->exc_state) return trace::Value::pointer(t_report->ts_id);
    GenObject* gen = reinterpret_cast<GenObject*>(reinterpret_cast<char*>(item) - offsetof(GenObject, gi_exc_state));
    trace_created(gen);
    return trace::Value::pointer(gen->ob_trace_id);
}

void trace_mark_dirty(Object* o) {
    if (t_report && o->ob_trace_id) t_report->dirty.insert(o);
}

void trace_remember_static(Object* o) {
    if (t_report) t_report->statics.push_back(o);
}

void trace_forget(Object* o) {
    if (t_report) t_report->dirty.erase(o);
}

uintptr_t object_address(Object* o) {
    if (t_sink && o && o->ob_trace_id) return 0x7f0000000000ull + 16 * o->ob_trace_id;
    return reinterpret_cast<uintptr_t>(o);
}

}  // namespace ys::vm
