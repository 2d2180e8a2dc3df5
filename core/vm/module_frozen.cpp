// Frozen modules (module_frozen.h): lookup, compilation (once per process, shared
// by every run: code objects are immutable) and execution into a module namespace.
// Their frames carry the file name "<frozen NAME>", as CPython's frozen modules do.
#include "vm/module_frozen.h"

#include <map>
#include <mutex>
#include <string>

#include "lang/compiler.h"
#include "vm/frame.h"
#include "vm/trace_report.h"

namespace ys::vm {

Object* run_module_code(CodeObj* code, Object* globals);  // run.cpp

static const FrozenSource* find_frozen(std::string_view name) {
    for (size_t i = 0; i < kFrozenSourceCount; i++)
        if (name == kFrozenSources[i].name) return &kFrozenSources[i];
    return nullptr;
}

bool is_frozen_module(std::string_view name) { return find_frozen(name) != nullptr; }

// The compiled module code, or null with `error` set (a broken embedded source is a
// build mistake, reported as an ImportError rather than a crash).
static CodePtr compiled_code(const FrozenSource& f, std::string* error) {
    static std::mutex mu;
    static std::map<std::string, CodePtr, std::less<>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(f.name);
    if (it != cache.end()) return it->second;
    CompileResult cr = compile_source(f.source, "<frozen " + std::string(f.name) + ">");
    if (!cr.code) {
        *error = format_syntax_error(cr.error);
        return nullptr;
    }
    cache.emplace(f.name, cr.code);
    return cr.code;
}

int exec_frozen_module(std::string_view name, Object* module) {
    const FrozenSource* f = find_frozen(name);
    if (!f) {
        raise_format(&ImportError_Type, "No frozen module named '%.*s'", static_cast<int>(name.size()), name.data());
        return -1;
    }
    std::string error;
    CodePtr code = compiled_code(*f, &error);
    if (!code) {
        raise_format(&ImportError_Type, "frozen module '%s' does not compile: %s", f->name, error.c_str());
        return -1;
    }
    Object* globals = static_cast<ModuleObject*>(module)->md_dict;
    if (Object* builtins_mod = dict_get_cstr(rt().modules, "builtins"))
        if (dict_set_cstr(globals, "__builtins__", builtins_mod) < 0) return -1;
    // CPython imports its library before the program runs (or, for asyncio, in C and
    // Python the student did not write): the import is not the student's steps.
    UnrecordedScope unrecorded;
    Object* co = new_code(code);
    if (!co) return -1;
    Object* result = run_module_code(static_cast<CodeObj*>(co), globals);
    decref(co);
    if (!result) return -1;
    decref(result);
    return 0;
}

}  // namespace ys::vm
