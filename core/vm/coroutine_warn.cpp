// "RuntimeWarning: coroutine '...' was never awaited": what CPython 3.11 prints when a
// coroutine that never started dies (_PyErr_WarnUnawaitedCoroutine calling
// warnings._warn_unawaited_coroutine, then warnings.showwarning), with the default
// filter's "once per location" registry kept, as CPython keeps it, in the warning
// frame's globals under __warningregistry__.
#include "vm/genobject.h"

namespace ys::vm {

// linecache.getline(...).strip() for the program's own file; "" otherwise.
static std::string stripped_source_line(const std::string& filename, int lineno) {
    const std::string line = source_line(filename, lineno);
    const char* ws = " \t\f\r\v";
    size_t b = line.find_first_not_of(ws);
    if (b == std::string::npos) return {};
    return line.substr(b, line.find_last_not_of(ws) - b + 1);
}

// The "Coroutine created at" part when cr_origin is recorded (traceback.format_list).
static std::string origin_text(Object* origin) {
    std::string s = "\nCoroutine created at (most recent call last)\n";
    intptr_t n = tuple_size(origin);
    for (intptr_t i = n - 1; i >= 0; i--) {
        Object* info = tuple_items(origin)[i];
        std::string file = str_value(tuple_items(info)[0]);
        int line = static_cast<int>(int_value(tuple_items(info)[1]));
        s += "  File \"" + file + "\", line " + std::to_string(line) + ", in " + str_value(tuple_items(info)[2]) + "\n";
        std::string src = stripped_source_line(file, line);
        if (!src.empty()) s += "    " + src + "\n";
    }
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

// The default filter action: show once per (text, category, lineno) per registry.
// Returns 1 when already shown, 0 when newly recorded, -1 on error.
static int already_warned(Object* globals, const std::string& text, int lineno) {
    Object* registry = dict_get_cstr(globals, "__warningregistry__");
    if (!registry) {
        registry = new_dict();
        if (!registry) return -1;
        int err = dict_set_cstr(globals, "__warningregistry__", registry);
        decref(registry);
        if (err < 0) return -1;
    }
    if (!is_dict(registry)) return 0;
    Object* t = new_str(text);
    Object* l = new_int(lineno);
    Object* key = t && l ? tuple_pack({t, &RuntimeWarning_Type, l}) : nullptr;
    xdecref(t);
    xdecref(l);
    if (!key) return -1;
    int res = dict_get(registry, key) ? 1 : 0;
    if (res == 0 && dict_set(registry, key, YS_True) < 0) res = -1;
    decref(key);
    return res;
}

void warn_unawaited_coroutine(GenObject* coro) {
    Runtime& r = rt();
    std::string text = "coroutine '" + str_value(coro->gi_qualname) + "' was never awaited";
    if (coro->gi_origin_or_finalizer) text += origin_text(coro->gi_origin_or_finalizer);
    // warn(stacklevel=2) from _warn_unawaited_coroutine: the Python frame running
    // when the coroutine died; none at shutdown, where CPython says "sys:1".
    Frame* f = r.current_frame;
    std::string out;
    if (f) {
        std::string filename = str_value(f->f_code->co_filename);
        int lineno = f->lineno();
        int seen = already_warned(f->f_globals, text, lineno);
        if (seen != 0) return;  // shown before (or the registry failed: error set)
        out = filename + ":" + std::to_string(lineno) + ": RuntimeWarning: " + text + "\n";
        std::string src = stripped_source_line(filename, lineno);
        if (!src.empty()) out += "  " + src + "\n";
        // warnings' hint when the object is known but tracemalloc is not tracing.
        out += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    } else {
        // At shutdown the hint's `import tracemalloc` fails, so CPython leaves it out.
        out = "sys:1: RuntimeWarning: " + text + "\n";
    }
    r.write_out(out, 1);
}

}  // namespace ys::vm
