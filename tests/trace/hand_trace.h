// A small trace built by hand through the TraceSink interface, the way the VM reports
// (REPORTING.md), so the trace, replay, query and view tests need no VM:
//
//   1 def fib():
//   2     try:
//   3         1 / 0
//   4     except ZeroDivisionError:
//   5         yield 1
//   6 g = fib()
//   7 print(next(g))
//   8 a = []; b = [a]; a.append(b); del a, b   # a cycle, then garbage
//   9 gc.collect()
#pragma once

#include <memory>

#include "trace/recorder.h"

namespace ys::testing {

using trace::Event;
using trace::EventKind;
using trace::ObjectId;
using trace::Value;

// Object ids in the hand trace.
enum HandIds : ObjectId {
    kThread = 1, kMain = 2, kCodeFib = 3, kCodeMod = 4, kFrameMod = 5, kFuncFib = 6, kGen = 7, kFrameFib = 8,
    kExc = 9, kArgs = 10, kListA = 11, kListB = 12,
};

inline std::shared_ptr<CodeObject> hand_code(const char* name, int first_line) {
    auto c = std::make_shared<CodeObject>();
    c->co_name = name;
    c->co_qualname = name;
    c->co_filename = "hand.py";
    c->co_firstlineno = first_line;
    c->co_flags = std::string(name) == "fib" ? CO_GENERATOR | CO_OPTIMIZED | CO_NEWLOCALS : 0;
    c->co_code = {75, 0, 1, 0, 151, 0, 100, 1, 86, 0, 83, 0};  // RETURN_GENERATOR POP_TOP RESUME LOAD_CONST YIELD_VALUE RETURN_VALUE
    Constant none;
    Constant one;
    one.kind = Constant::Kind::Int;
    one.int_value = 1;
    Constant tup;
    tup.kind = Constant::Kind::Tuple;
    Constant s;
    s.kind = Constant::Kind::Str;
    s.text = "x\n\"y\"";
    Constant f;
    f.kind = Constant::Kind::Float;
    f.float_value = 0.1;
    tup.items = {s, f};
    c->co_consts = {none, one, tup};
    c->co_names = {"ZeroDivisionError"};
    c->co_localsplusnames = {"x"};
    c->co_localspluskinds = {CO_FAST_LOCAL};
    for (int i = 0; i < 6; ++i) c->positions.push_back(Position{first_line + i / 2, first_line + i / 2, 4, 9});
    c->exception_table.push_back(ExceptionTableEntry{1, 4, 5, 0, true});
    return c;
}

inline trace::Trace build_hand_trace() {
    trace::Recorder r;
    r.set_program("hand.py", "def fib():\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        yield 1\n"
                             "g = fib()\nprint(next(g))\na = []; b = [a]; a.append(b); del a, b\ngc.collect()\n");
    auto ev = [&](EventKind kind, ObjectId subject = 0, ObjectId frame = 0, int line = -1, int lasti = -1) {
        Event e;
        e.kind = kind;
        e.subject = subject;
        e.frame = frame;
        e.line = line;
        e.lasti = lasti;
        return e;
    };
    auto set = [&](ObjectId id, const char* field, Value v) { r.on_field_set(id, field, v); };
    auto ref = [](ObjectId id) { return Value::pointer(id); };
    auto txt = [](const char* t) { return Value::inline_text(t); };

    // step 0: the thread state, __main__, code objects, the module's frame
    r.on_object_created(kThread, "PyThreadState", 1);
    set(kThread, "cframe.current_frame", Value::null());
    set(kThread, "exc_info", ref(kThread));
    set(kThread, "exc_state.exc_value", Value::null());
    r.on_object_created(kMain, "module", 1);
    set(kMain, "__name__", txt("'__main__'"));
    auto fib = hand_code("fib", 1);
    auto mod = hand_code("<module>", 1);
    r.on_code(kCodeFib, fib);
    r.on_object_created(kCodeFib, "code", 1);
    set(kCodeFib, "co_name", txt("'fib'"));
    set(kCodeFib, "co_qualname", txt("'fib'"));
    set(kCodeFib, "co_firstlineno", Value::integer(1));
    r.on_code(kCodeMod, mod);
    r.on_object_created(kCodeMod, "code", 1);
    set(kCodeMod, "co_name", txt("'<module>'"));
    set(kCodeMod, "co_qualname", txt("'<module>'"));
    set(kCodeMod, "co_firstlineno", Value::integer(1));
    r.on_object_created(kFrameMod, "frame", 1);
    set(kFrameMod, "f_code", ref(kCodeMod));
    set(kFrameMod, "f_func", Value::null());
    set(kFrameMod, "previous", Value::null());
    set(kFrameMod, "prev_instr", Value::integer(-1));
    set(kFrameMod, "f_lineno", Value::integer(1));
    set(kFrameMod, "stacktop", Value::integer(0));
    set(kFrameMod, "owner", txt("FRAME_OWNED_BY_THREAD"));
    r.on_event(ev(EventKind::ProgramStart));
    // step 1
    set(kThread, "cframe.current_frame", ref(kFrameMod));
    r.on_event(ev(EventKind::FramePush, kFrameMod, kFrameMod, 1, 0));
    // step 2: g = fib()
    r.on_object_created(kFuncFib, "function", 1);
    set(kFuncFib, "func_code", ref(kCodeFib));
    set(kFuncFib, "func_name", txt("'fib'"));
    set(kFuncFib, "func_qualname", txt("'fib'"));
    set(kMain, "fib", ref(kFuncFib));
    r.on_refcount(kCodeFib, 2);
    r.on_object_created(kGen, "generator", 1);
    set(kGen, "gi_code", ref(kCodeFib));
    set(kGen, "gi_weakreflist", Value::null());
    set(kGen, "gi_name", txt("'fib'"));
    set(kGen, "gi_qualname", txt("'fib'"));
    set(kGen, "gi_exc_state.exc_value", Value::null());
    set(kGen, "gi_exc_state.previous_item", Value::null());
    set(kGen, "gi_frame_state", txt("FRAME_CREATED"));
    r.on_object_created(kFrameFib, "frame", 1);
    set(kFrameFib, "f_code", ref(kCodeFib));
    set(kFrameFib, "f_func", ref(kFuncFib));
    set(kFrameFib, "previous", Value::null());
    set(kFrameFib, "prev_instr", Value::integer(-1));
    set(kFrameFib, "f_lineno", Value::integer(1));
    set(kFrameFib, "stacktop", Value::integer(0));
    set(kFrameFib, "owner", txt("FRAME_OWNED_BY_GENERATOR"));
    set(kFrameFib, "localsplus[x]", Value::null());
    set(kGen, "gi_iframe", ref(kFrameFib));
    r.on_refcount(kGen, 2);   // coalesced with the creation
    r.on_refcount(kGen, 1);
    set(kMain, "g", ref(kGen));
    r.on_refcount(kCodeFib, 3);
    r.on_refcount(kCodeFib, 4);
    r.on_event(ev(EventKind::GenCreate, kGen, kFrameMod, 6, 10));
    // step 3: next(g)
    set(kGen, "gi_frame_state", txt("FRAME_EXECUTING"));
    set(kFrameFib, "previous", ref(kFrameMod));
    set(kThread, "cframe.current_frame", ref(kFrameFib));
    r.on_event(ev(EventKind::GenResume, kGen, kFrameMod, 7, 20));
    // step 4: the generator's exception state goes on the thread's chain
    set(kGen, "gi_exc_state.previous_item", ref(kThread));
    set(kThread, "exc_info", ref(kGen));
    {
        Event e = ev(EventKind::ExcStateRestore, kGen, kFrameFib, 1, 0);
        r.on_event(e);
    }
    // step 5: 1 / 0
    r.on_object_created(kArgs, "tuple", 1);
    set(kArgs, "ob_item[0]", txt("'division by zero'"));
    r.on_object_created(kExc, "ZeroDivisionError", 1);
    set(kExc, "args", ref(kArgs));
    set(kExc, "__traceback__", Value::null());
    set(kExc, "__context__", Value::null());
    set(kExc, "__cause__", Value::null());
    set(kExc, "str", txt("'division by zero'"));
    set(kFrameFib, "prev_instr", Value::integer(8));
    set(kFrameFib, "f_lineno", Value::integer(3));
    {
        Event e = ev(EventKind::ExcRaised, kExc, kFrameFib, 3, 8);
        e.text = "ZeroDivisionError: division by zero";
        r.on_event(e);
    }
    // step 6: except ZeroDivisionError
    set(kGen, "gi_exc_state.exc_value", ref(kExc));
    r.on_refcount(kExc, 2);
    {
        Event e = ev(EventKind::ExcCaught, kExc, kFrameFib, 4, 12);
        e.text = "ZeroDivisionError: division by zero";
        r.on_event(e);
    }
    // step 7: yield 1
    set(kGen, "gi_frame_state", txt("FRAME_SUSPENDED"));
    set(kFrameFib, "prev_instr", Value::integer(16));
    set(kFrameFib, "f_lineno", Value::integer(5));
    set(kFrameFib, "previous", Value::null());
    set(kThread, "cframe.current_frame", ref(kFrameMod));
    {
        Event e = ev(EventKind::GenYield, kGen, kFrameFib, 5, 16);
        e.value = Value::integer(1);
        r.on_event(e);
    }
    // step 8: its exception state is saved and popped
    set(kThread, "exc_info", ref(kThread));
    set(kGen, "gi_exc_state.previous_item", Value::null());
    {
        Event e = ev(EventKind::ExcStateSave, kGen, kFrameFib, 5, 16);
        e.value = Value::pointer(kExc);
        r.on_event(e);
    }
    // step 9: print
    {
        Event e = ev(EventKind::Output, 0, kFrameMod, 7, 30);
        e.text = "1\n";
        r.on_event(e);
    }
    // step 10: a = []; b = [a]; a.append(b); del a, b
    r.on_object_created(kListA, "list", 1);
    r.on_object_created(kListB, "list", 1);
    set(kListB, "ob_item[0]", ref(kListA));
    r.on_refcount(kListA, 2);
    set(kListA, "ob_item[0]", ref(kListB));
    r.on_refcount(kListB, 2);
    r.on_refcount(kListA, 1);
    r.on_refcount(kListB, 1);
    r.on_event(ev(EventKind::Line, kFrameMod, kFrameMod, 8, 40));
    // step 11: gc.collect()
    {
        Event e = ev(EventKind::GcStart, 0, kFrameMod, 9, 50);
        e.value = Value::integer(2);
        r.on_event(e);
    }
    // step 12-13: the collector frees the cycle
    {
        Event e = ev(EventKind::Dealloc, kListA, kFrameMod, 9, 50);
        e.detail = static_cast<uint8_t>(trace::DeallocCause::CycleCollector);
        r.on_event(e);
    }
    r.on_object_freed(kListA);
    r.on_refcount(kListB, 0);
    {
        Event e = ev(EventKind::Dealloc, kListB, kFrameMod, 9, 50);
        e.detail = static_cast<uint8_t>(trace::DeallocCause::CycleCollector);
        r.on_event(e);
    }
    r.on_object_freed(kListB);
    {
        Event e = ev(EventKind::GcEnd, 0, kFrameMod, 9, 50);
        e.objects = {kListA, kListB};
        e.value = Value::integer(2);
        r.on_event(e);
    }
    // step 15: the end
    {
        Event e = ev(EventKind::ProgramEnd, 0, 0);
        e.value = Value::integer(0);
        r.on_event(e);
    }
    trace::Trace t = r.finish();
    t.annotations[7] = "The frame stays inside the generator: gi_iframe keeps f_lasti.";
    return t;
}

// A dict whose key 'a' is deleted at step 1 and stored again at step 2 (`remove` changes,
// format version 2), recorded through the sink interface.
inline trace::Trace build_removal_trace() {
    using namespace ys::trace;
    Recorder r;
    r.on_object_created(1, "dict", 1);
    r.on_field_set(1, "'a'", Value::integer(1));
    r.on_field_set(1, "'b'", Value::integer(2));
    Event e;
    e.kind = EventKind::ProgramStart;
    r.on_event(e);
    r.on_field_removed(1, "'a'");
    e.kind = EventKind::Line;
    r.on_event(e);
    r.on_field_set(1, "'a'", Value::integer(3));
    r.on_event(e);
    return r.finish();
}

}  // namespace ys::testing
