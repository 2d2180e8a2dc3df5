// "Did you mean: 'x'?" for uncaught NameError / AttributeError (Python/suggestions.c
// of CPython 3.11): the same Levenshtein costs and candidate lists.
#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include "vm/frame.h"
#include "vm/runtime.h"

namespace ys::vm {

static constexpr size_t kMaxCandidates = 750, kMaxStringSize = 40, kMoveCost = 2, kCaseCost = 1;

static size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? kCaseCost : kMoveCost;
}

static size_t levenshtein(const char* a, size_t a_size, const char* b, size_t b_size, size_t max_cost) {
    size_t buffer[kMaxStringSize];
    while (a_size && b_size && a[0] == b[0]) { a++; a_size--; b++; b_size--; }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) { a_size--; b_size--; }
    if (a_size == 0 || b_size == 0) return (a_size + b_size) * kMoveCost;
    if (a_size > kMaxStringSize || b_size > kMaxStringSize) return max_cost + 1;
    if (b_size < a_size) { std::swap(a, b); std::swap(a_size, b_size); }
    if ((b_size - a_size) * kMoveCost > max_cost) return max_cost + 1;
    size_t tmp = kMoveCost;
    for (size_t i = 0; i < a_size; i++) { buffer[i] = tmp; tmp += kMoveCost; }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * kMoveCost;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            buffer[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

static const std::string* calculate(const std::vector<std::string>& dir, const std::string& name) {
    if (dir.size() >= kMaxCandidates) return nullptr;
    size_t best = SIZE_MAX;
    const std::string* suggestion = nullptr;
    for (const std::string& item : dir) {
        if (item == name) continue;
        size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        if (best != SIZE_MAX) max_distance = std::min(max_distance, best - 1);
        size_t d = levenshtein(name.data(), name.size(), item.data(), item.size(), max_distance);
        if (d > max_distance) continue;
        if (!suggestion || d < best) {
            suggestion = &item;
            best = d;
        }
    }
    return suggestion;
}

static std::vector<std::string> dict_keys(Object* d) {
    std::vector<std::string> keys;
    intptr_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
        if (is_str(k)) keys.push_back(str_value(k));
    return keys;
}

static Object* exc_attr(Object* exc, const char* name) {
    Object** dp = instance_dict_ptr(exc);
    return dp && *dp ? dict_get_cstr(*dp, name) : nullptr;
}

// The suffix CPython 3.11's print_exception appends, or "".
std::string offer_suggestions(Object* exc) {
    Object* name = exc_attr(exc, "name");
    if (!name || !is_str(name)) return {};
    const std::string* s = nullptr;
    std::vector<std::string> dir;
    if (isinstance(exc, &NameError_Type)) {
        Object* tb = static_cast<ExceptionObject*>(exc)->traceback;
        if (!tb) return {};
        while (static_cast<TracebackObject*>(tb)->tb_next) tb = static_cast<TracebackObject*>(tb)->tb_next;
        Frame* f = static_cast<FrameObject*>(static_cast<TracebackObject*>(tb)->tb_frame)->f_frame;
        dir = f->f_code->code->varnames();
        s = calculate(dir, str_value(name));
        if (!s) {
            dir = dict_keys(f->f_globals);
            s = calculate(dir, str_value(name));
        }
        if (!s) {
            dir = dict_keys(f->f_builtins);
            s = calculate(dir, str_value(name));
        }
    } else if (isinstance(exc, &AttributeError_Type)) {
        Object* obj = exc_attr(exc, "obj");
        if (!obj) return {};
        // dir(obj): instance attributes and everything on the type's MRO, sorted.
        if (Object** dp = instance_dict_ptr(obj))
            if (*dp && is_dict(*dp))
                for (auto& k : dict_keys(*dp)) dir.push_back(k);
        Type* t = obj->ob_type;
        if (has_flag(obj, TPF_TYPE_SUBCLASS)) t = static_cast<Type*>(obj);
        else if (obj->ob_type == &Module_Type) dir = dict_keys(static_cast<ModuleObject*>(obj)->md_dict);
        if (obj->ob_type != &Module_Type)
            for (intptr_t i = 0; i < tuple_size(t->tp_mro); i++)
                for (auto& k : dict_keys(static_cast<Type*>(tuple_items(t->tp_mro)[i])->tp_dict)) dir.push_back(k);
        std::sort(dir.begin(), dir.end());
        dir.erase(std::unique(dir.begin(), dir.end()), dir.end());
        s = calculate(dir, str_value(name));
    }
    if (!s) return {};
    return ". Did you mean: " + repr_string(intern(*s)) + "?";
}

// Records name/obj on an AttributeError, as 3.11's set_attribute_error_context.
void set_attribute_error_context(Object* obj, Object* name) {
    Object* exc = rt().curexc;
    if (!exc || !isinstance(exc, &AttributeError_Type)) return;
    Object** dp = instance_dict_ptr(exc);
    if (!dp) return;
    if (!*dp) *dp = new_dict();
    if (dict_get_cstr(*dp, "name")) return;
    dict_set_cstr(*dp, "name", name);
    dict_set_cstr(*dp, "obj", obj);
}

}  // namespace ys::vm
