// The exception API (PyErr_*): setting, fetching, matching, implicit context chaining
// from the thread's exc_info chain, and unraisable reporting.
#include <cstdarg>
#include <cstdio>

#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

// The "exception raised" step is reported when an exception reaches a Python frame's
// error path (CPython's call_exc_trace at ceval's `error:` label), not when C code
// sets it: getattr(x, name, default), hasattr and the like raise and clear inside C,
// and a teacher stepping through asyncio should not see those as raises.
static void report_raised(Object* exc) {
    trace::Event ev;
    ev.kind = trace::EventKind::ExcRaised;
    trace_created(exc);
    ev.subject = exc->ob_trace_id;
    ev.text = type_name(exc);
    Object* saved = err_fetch();
    if (Object* s = exc_str(exc)) {
        if (!str_value(s).empty()) ev.text += ": " + str_value(s);
        decref(s);
    }
    err_restore(saved);
    if (Frame* f = rt().current_frame) {
        ev.line = f->lineno();
        ev.lasti = f->lasti_bytes();
    }
    t_sink->on_event(ev);
}

static void set_current(Object* exc) {  // steals
    Runtime& r = rt();
    Object* old = r.curexc;
    r.curexc = exc;
    xdecref(old);
}

void trace_exception_reached_frame() {
    Runtime& r = rt();
    Object* exc = r.curexc;
    if (!exc) return;
    trace_created(exc);
    // Once as it propagates through the frames; again if re-raised after a catch.
    if (exc->ob_trace_id == r.raise_reported) return;
    r.raise_reported = exc->ob_trace_id;
    report_raised(exc);
}

void err_chain_context(Object* value) {
    Runtime& r = rt();
    ExcStackItem* info = r.exc_info;
    while ((!info->exc_value || info->exc_value == YS_None) && info->previous_item) info = info->previous_item;
    Object* exc_value = info->exc_value;
    if (!exc_value || exc_value == YS_None || exc_value == value) return;
    // Avoid creating cycles through the context chain (Floyd's algorithm in CPython).
    Object* o = exc_value;
    Object* slow = o;
    bool toggle = false;
    while (Object* ctx = static_cast<ExceptionObject*>(o)->context) {
        if (ctx == value) {
            clearref(&static_cast<ExceptionObject*>(o)->context);
            break;
        }
        o = ctx;
        if (o == slow) break;
        if (toggle) slow = static_cast<ExceptionObject*>(slow)->context;
        toggle = !toggle;
    }
    setref(&static_cast<ExceptionObject*>(value)->context, newref(exc_value));
}

std::nullptr_t raise_exc(Object* exc) {
    err_chain_context(exc);
    set_current(newref(exc));
    return nullptr;
}

std::nullptr_t raise_object(Type* type, Object* value) {
    Object* exc;
    if (value && is_exception(value) && isinstance(value, type)) {
        exc = newref(value);
    } else if (value && is_tuple(value) && type != &KeyError_Type) {
        exc = new_exception(type, tuple_items(value), static_cast<size_t>(tuple_size(value)));
    } else {
        exc = value ? new_exception(type, &value, 1) : new_exception(type, nullptr, 0);
    }
    if (!exc) return nullptr;  // creating the exception failed: that error is set
    err_chain_context(exc);
    set_current(exc);
    return nullptr;
}

std::nullptr_t raise(Type* type, std::string_view message) {
    Object* msg = new_str(message);
    if (!msg) return nullptr;
    raise_object(type, msg);
    decref(msg);
    return nullptr;
}

std::nullptr_t raise_format(Type* type, const char* fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return raise(type, buf);
}

std::nullptr_t raise_no_memory() {
    // Never allocate while reporting MemoryError past the cap: lift the cap briefly.
    Runtime& r = rt();
    int64_t cap = r.max_memory;
    r.max_memory = 0;
    Object* exc = new_exception(&MemoryError_Type, nullptr, 0);
    r.max_memory = cap;
    if (exc) set_current(exc);
    return nullptr;
}

bool err_matches(Type* type) {
    Object* e = rt().curexc;
    return e && isinstance(e, type);
}

bool exc_matches(Object* exc, Object* type_or_tuple) {
    if (is_tuple(type_or_tuple)) {
        for (intptr_t i = 0; i < tuple_size(type_or_tuple); i++)
            if (exc_matches(exc, tuple_items(type_or_tuple)[i])) return true;
        return false;
    }
    if (!has_flag(type_or_tuple, TPF_TYPE_SUBCLASS)) return false;
    return isinstance(exc, static_cast<Type*>(type_or_tuple));
}

Object* err_fetch() {
    Object* e = rt().curexc;
    rt().curexc = nullptr;
    return e;
}

void err_restore(Object* exc) {
    Object* old = rt().curexc;
    rt().curexc = exc;
    xdecref(old);
}

void err_clear() { clearref(&rt().curexc); }

Object* new_exception(Type* type, Object* const* args, size_t nargs) {
    return call(type, args, nargs);
}

std::string format_exception_only(Object* exc);  // traceback.cpp
Object* traceback_for_frame(Frame* f);
void print_traceback_entries(Object* tb, std::string& out);

// PyErr_WriteUnraisable(obj): "Exception ignored in: <repr>" + traceback + last line.
void write_unraisable_with(Object* obj, const char* prefix) {
    Object* exc = err_fetch();
    if (!exc) return;
    std::string out;
    if (obj) {
        Object* r = object_repr(obj);
        if (r) {
            out += std::string(prefix ? prefix : "Exception ignored in") + ": " + str_value(r) + "\n";
            decref(r);
        } else {
            err_clear();
            out += "Exception ignored in: <object repr() failed>\n";
        }
    }
    Object* tb = static_cast<ExceptionObject*>(exc)->traceback;
    Object* temp_tb = nullptr;
    if (!tb && rt().current_frame) {
        // _PyErr_WriteUnraisableMsg: no traceback -> one entry for the current frame.
        temp_tb = traceback_for_frame(rt().current_frame);
        tb = temp_tb;
    }
    if (tb && tb != YS_None) {
        out += "Traceback (most recent call last):\n";
        print_traceback_entries(tb, out);
    }
    xdecref(temp_tb);
    out += format_exception_only(exc) + "\n";
    decref(exc);
    rt().write_out(out, 1);
}

void write_unraisable(Object* obj) { write_unraisable_with(obj, nullptr); }

}  // namespace ys::vm
