// run_program: compile, set up the runtime (builtins, sys.modules, __main__), run the
// module on a thread with a big stack, report an uncaught exception as CPython does,
// then shut down in CPython 3.11's order (atexit, collection, __main__'s globals
// cleared underscore-names first, final collection).
#include <pthread.h>

#include <cstdlib>
#include <iostream>

#include "lang/compiler.h"
#include "vm/builtins.h"
#include "vm/eval_support.h"
#include "vm/trace_report.h"
#include "vm/gc.h"
#include "vm/vm.h"
#include "vm/weakref.h"

namespace ys::vm {

void init_types();
void free_datastack();
std::string format_exception_only(Object* exc);
int dict_clear_all(Object* d);

static void clear_module_dict(Object* d) {
    // _PyModule_ClearDict: names with one leading underscore first, then the rest
    // (except __builtins__), replaced by None in dict order.
    for (int pass = 0; pass < 2; pass++) {
        intptr_t pos = 0;
        Object *k, *v;
        std::vector<Object*> keys;
        while (dict_next(d, &pos, &k, &v)) {
            if (v == YS_None || !is_str(k)) continue;
            const std::string& s = str_value(k);
            bool single_us = s.size() >= 1 && s[0] == '_' && (s.size() < 2 || s[1] != '_');
            if (pass == 0 ? single_us : (s != "__builtins__")) keys.push_back(newref(k));
        }
        for (Object* key : keys) {
            Object* cur = dict_get(d, key);
            if (cur && cur != YS_None) dict_set(d, key, YS_None);
            decref(key);
        }
    }
}

// Handles the exception that ended the program: returns the exit status.
static int handle_uncaught(Runtime& r, Object* exc) {
    if (isinstance(exc, &SystemExit_Type)) {
        Object* code = static_cast<ExceptionObject*>(exc)->value;
        if (!code || code == YS_None) return 0;
        if (is_int(code) && !int_is_big(code)) return static_cast<int>(int_value(code));
        Object* s = object_str(code);
        if (s) {
            r.write_out(str_value(s) + "\n", 1);
            decref(s);
        } else {
            err_clear();
        }
        return 1;
    }
    std::string out;
    print_exception(exc, out);
    r.write_out(out, 1);
    return 1;
}

static Object* make_sys_placeholder_streams(Runtime& r) {
    r.sys_stdout = new_text_stream(0);
    r.sys_stderr = new_text_stream(1);
    return r.sys_stdout;
}

struct RunJob {
    CodePtr code;
    std::string filename;
    std::string source;
    const VmOptions* options;
    RunResult result;
};

static void run_job(RunJob& job) {
    init_types();
    const VmOptions& opt = *job.options;
    Runtime r;
    r.argv = opt.argv;
    r.max_steps = opt.max_steps;
    r.step_limit = opt.max_steps > 0 ? opt.max_steps + 1 : INT64_MAX;
    r.max_memory = opt.max_memory;
    r.sink = opt.sink;
    r.granularity = opt.granularity;
    r.out = opt.out ? opt.out : &std::cout;
    r.err = opt.err ? opt.err : &std::cerr;
    r.main_source = job.source;
    r.main_filename = job.filename;
    // Stress-GC switch for tests: collect generation 0 on every container allocation.
    if (const char* s = std::getenv("YS_STRESS_GC")) r.stress_gc = s[0] == '1';
    t_rt = &r;
    // The VM reports through a wrapper that adds frames, the thread state, modules
    // and containers at event boundaries (trace_report.cpp); the thread state first.
    t_sink = trace_report_begin(opt.sink);
    r.sink = t_sink;
    r.gc = gc_state_new();
    if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::ProgramStart;
        t_sink->on_event(ev);
    }
    int status = 0;
    bool out_of_memory = false;
    try {
        make_sys_placeholder_streams(r);
        r.modules = new_dict();
        Object* builtins_mod = new_module("builtins");
        init_builtins_core(builtins_mod);
        init_builtins_extra(builtins_mod);
        r.builtins = newref(static_cast<ModuleObject*>(builtins_mod)->md_dict);
        dict_set_cstr(r.modules, "builtins", builtins_mod);
        decref(builtins_mod);
        r.main_module = new_module("__main__");
        Object* globals = static_cast<ModuleObject*>(r.main_module)->md_dict;
        dict_set_cstr(globals, "__builtins__", builtins_mod);
        dict_set_cstr(r.modules, "__main__", r.main_module);

        Object* code = new_code(job.code);
        Object* result = nullptr;
        if (code) result = run_module_code(static_cast<CodeObj*>(code), globals);
        xdecref(code);
        Object* exc = nullptr;
        if (!result) {
            exc = err_fetch();
            if (exc) status = handle_uncaught(r, exc);
        }
        xdecref(result);
        // Shutdown, in CPython 3.11's order (Py_FinalizeEx / finalize_modules).
        for (auto& hook : r.atexit_hooks) hook();
        r.atexit_hooks.clear();
        if (err_occurred()) err_clear();
        if (r.gc->enabled) gc_collect_at_exit();          // PyGC_Collect()
        xdecref(exc);                                      // sys.last_value is deleted
        Object* main_ref = new_weakref(r.main_module, nullptr);
        Object* main_dict = newref(globals);
        clearref(&r.main_module);
        dict_clear_all(r.modules);                         // sys.modules emptied
        gc_collect_at_exit();                              // _PyGC_CollectNoFail
        if (main_ref && weakref_get(main_ref) != YS_None) clear_module_dict(main_dict);
        xdecref(main_ref);
        decref(main_dict);
        gc_collect_at_exit();
    } catch (const BudgetExhausted& b) {
        r.flush();
        r.budget_exhausted = true;
        r.write_out("yieldscope: step budget of " + std::to_string(r.max_steps) + " instructions exhausted at " +
                        job.filename + " line " + std::to_string(b.line) + "\n",
                    1);
        status = 3;
    } catch (const std::bad_alloc&) {
        // Thrown wherever an allocation failed, so the heap may be mid-update: nothing
        // is read from it any more. The reporting wrapper (which would re-read it) is
        // dropped first, which also gives its memory back; the recorder keeps what it has.
        out_of_memory = true;
        t_sink = nullptr;
        r.sink = nullptr;
        trace_report_end();
        status = 3;
    }
    if (out_of_memory) {
        if (opt.sink) {
            try {
                trace::Event ev;
                ev.kind = trace::EventKind::ProgramEnd;
                ev.value = trace::Value::integer(status);
                ev.text = "out of memory";
                opt.sink->on_event(ev);
            } catch (const std::bad_alloc&) {
                // The trace ends at its last complete step.
            }
        }
        r.flush();
        *r.err << "yieldscope: out of memory after " << r.steps << " instructions; the run was stopped there\n";
    } else if (t_sink) {
        trace::Event ev;
        ev.kind = trace::EventKind::ProgramEnd;
        ev.value = trace::Value::integer(status);
        t_sink->on_event(ev);
    }
    r.flush();
    job.result.exit_status = status;
    job.result.step_budget_exhausted = r.budget_exhausted;
    job.result.out_of_memory = out_of_memory;
    job.result.steps = r.steps;
    // The heap is not torn down object by object (CPython doesn't either); the
    // runtime's bookkeeping is released.
    gc_state_free(r.gc);
    free_datastack();
    t_rt = nullptr;
    t_sink = nullptr;
    trace_report_end();
}

Object* make_function(Object* code, Object* globals, Object* builtins, Object* defaults, Object* kwdefaults,
                      Object* closure);
Frame* push_frame_and_init(FunctionObject* func, Object* locals, Object* const* args, size_t nargs,
                           Object* kwnames, bool steal);

Object* run_module_code(CodeObj* code, Object* globals) {
    // PyEval_EvalCode wraps the module code in a function object, as CPython 3.11 does.
    Object* builtins = rt().builtins;
    Object* func = make_function(newref(static_cast<Object*>(code)), globals, builtins, nullptr, nullptr, nullptr);
    if (!func) return nullptr;
    Frame* f = push_frame_and_init(static_cast<FunctionObject*>(func), globals, nullptr, 0, nullptr, false);
    Object* r = nullptr;
    if (f) {
        r = eval_frame(f, false);
        pop_frame(f);
    }
    decref(func);
    return r;
}

static void* thread_main(void* arg) {
    run_job(*static_cast<RunJob*>(arg));
    return nullptr;
}

}  // namespace ys::vm

namespace ys {

RunResult run_program(std::string_view source, const std::string& filename, const VmOptions& options) {
    std::ostream& err = options.err ? *options.err : std::cerr;
    CompileResult cr = compile_source(source, filename);
    if (!cr.code) {
        err << format_syntax_error(cr.error);
        err.flush();
        return RunResult{1, false, 0};
    }
    vm::RunJob job;
    job.code = cr.code;
    job.filename = filename;
    job.source = std::string(source);
    job.options = &options;
    // The interpreter runs on its own thread with a big, lazily committed stack, so
    // deep recursion through generators and native calls never overflows it.
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size_t(256) << 20);
    pthread_t th;
    if (pthread_create(&th, &attr, vm::thread_main, &job) != 0) {
        vm::run_job(job);
    } else {
        pthread_join(th, nullptr);
    }
    pthread_attr_destroy(&attr);
    return job.result;
}

}  // namespace ys
