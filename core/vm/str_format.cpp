// format(value, spec), the __format__ methods of object/int/float/str, and
// str.format / str.format_map with CPython's parser (Objects/stringlib/
// unicode_format.h): literal text with {{ }}, fields with auto or manual numbering,
// keyword names, .attr and [key] lookups, !r/!s/!a, and nested {} inside specs. The
// spec mini-language itself is the format engine's (format_spec.h).
#include <cstdio>

#include "vm/builtins_util.h"
#include "vm/format_float.h"
#include "vm/format_spec.h"

namespace ys::vm {

std::nullptr_t raise_format_error(const std::string& type, const std::string& message) {
    Type* t = &ValueError_Type;
    if (type == "TypeError") t = &TypeError_Type;
    else if (type == "OverflowError") t = &OverflowError_Type;
    else if (type == "KeyError") t = &KeyError_Type;
    else if (type == "IndexError") t = &IndexError_Type;
    else if (type == "MemoryError") t = &MemoryError_Type;
    return raise(t, message);
}

static Object* result_to_str(const fmt::FormatResult& r) {
    if (!r.ok()) return raise_format_error(r.error->type, r.error->message);
    return new_str(r.text);
}

static bool spec_arg(const char* name, Object* const* args, size_t nargs, Object* kwnames, Object** spec) {
    std::string n = name;
    if (!no_kwargs(n.c_str(), kwnames) || !check_nargs(n.c_str(), nargs, 1, 1)) return false;
    if (!is_str(args[0])) {
        raise_format(&TypeError_Type, "%s() argument must be str, not %s", name, type_name(args[0]));
        return false;
    }
    *spec = args[0];
    return true;
}

// ---- __format__ methods
static Object* object_format_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* spec;
    if (!spec_arg("__format__", args, nargs, kwnames, &spec)) return nullptr;
    if (!str_value(spec).empty())
        return raise_format(&TypeError_Type, "unsupported format string passed to %s.__format__", type_name(self));
    return object_str(self);
}

static Object* int_format_value(Object* self, const std::string& spec) {
    if (spec.empty()) return object_str(self);
    return result_to_str(fmt::format_int(int_to_big(self), spec, type_name(self)));
}
static Object* int_format_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* spec;
    if (!spec_arg("__format__", args, nargs, kwnames, &spec)) return nullptr;
    return int_format_value(self, str_value(spec));
}

static Object* float_format_value(Object* self, const std::string& spec) {
    if (spec.empty()) return object_str(self);
    return result_to_str(fmt::format_float(float_value(self), spec, type_name(self)));
}
static Object* float_format_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* spec;
    if (!spec_arg("__format__", args, nargs, kwnames, &spec)) return nullptr;
    return float_format_value(self, str_value(spec));
}

static Object* str_format_value(Object* self, const std::string& spec) {
    if (spec.empty()) return object_str(self);
    return result_to_str(fmt::format_str(str_value(self), spec, type_name(self)));
}
static Object* str_format_meth(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* spec;
    if (!spec_arg("__format__", args, nargs, kwnames, &spec)) return nullptr;
    return str_format_value(self, str_value(spec));
}

// PyObject_Format.
Object* object_format(Object* value, Object* spec) {
    static const std::string kEmpty;
    const std::string& s = spec ? str_value(spec) : kEmpty;
    Type* t = value->ob_type;
    // Exact built-in types skip the method lookup (CPython's fast paths).
    if (t == &Str_Type) return str_format_value(value, s);
    if (t == &Int_Type || t == &Bool_Type) return int_format_value(value, s);
    if (t == &Float_Type) return float_format_value(value, s);
    Object* meth = type_lookup(t, intern("__format__"));
    if (!meth) {
        if (!s.empty())
            return raise_format(&TypeError_Type, "unsupported format string passed to %s.__format__", type_name(value));
        return object_str(value);
    }
    Object* spec_obj = spec ? newref(spec) : new_str("");
    if (!spec_obj) return nullptr;
    Object* r;
    incref(meth);
    if (meth->ob_type->tp_descr_get) {
        Object* bound = meth->ob_type->tp_descr_get(meth, value, t);
        r = bound ? call1(bound, spec_obj) : nullptr;
        xdecref(bound);
    } else {
        r = call1(meth, spec_obj);
    }
    decref(meth);
    decref(spec_obj);
    if (r && !is_str(r)) {
        raise_format(&TypeError_Type, "__format__ must return a str, not %s", type_name(r));
        decref(r);
        return nullptr;
    }
    return r;
}

static Object* builtin_format(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("format", kwnames) || !check_nargs("format", nargs, 1, 2)) return nullptr;
    Object* spec = nargs == 2 ? args[1] : nullptr;
    if (spec && !is_str(spec))
        return raise_format(&TypeError_Type, "format() argument 2 must be str, not %s", type_name(spec));
    return object_format(args[0], spec);
}

// ---- str.format
namespace {

struct FormatState {
    Object* const* args;
    size_t nargs;
    Object* kwargs;  // mapping or null
    int auto_state = 0;  // 0 unset, 1 auto, 2 manual
    intptr_t next_auto = 0;
};

// get_integer: all digits -> value, else -1; -2 + error on overflow.
int64_t field_integer(std::string_view s) {
    if (s.empty()) return -1;
    int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) {
            raise(&ValueError_Type, "Too many decimal digits in format string");
            return -2;
        }
    }
    return v;
}

Object* get_field_object(std::string_view name, FormatState& st) {
    size_t i = 0;
    while (i < name.size() && name[i] != '.' && name[i] != '[') i++;
    std::string_view first = name.substr(0, i);
    int64_t index = field_integer(first);
    if (index == -2) return nullptr;
    Object* obj;
    if (first.empty()) {
        if (st.auto_state == 2)
            return raise(&ValueError_Type, "cannot switch from manual field specification to automatic field numbering");
        st.auto_state = 1;
        index = st.next_auto++;
    } else if (index >= 0) {
        if (st.auto_state == 1)
            return raise(&ValueError_Type, "cannot switch from automatic field numbering to manual field specification");
        st.auto_state = 2;
    }
    if (index < 0) {
        Object* key = new_str(first);
        if (!key) return nullptr;
        if (!st.kwargs) {
            raise_object(&KeyError_Type, key);
            decref(key);
            return nullptr;
        }
        obj = get_item(st.kwargs, key);
        decref(key);
        if (!obj) return nullptr;
    } else {
        if (static_cast<size_t>(index) >= st.nargs)
            return raise_format(&IndexError_Type, "Replacement index %lld out of range for positional args tuple",
                                static_cast<long long>(index));
        obj = newref(st.args[index]);
    }
    // The rest: .attr and [key] in any order.
    while (i < name.size()) {
        char c = name[i++];
        Object* next;
        if (c == '.') {
            size_t b = i;
            while (i < name.size() && name[i] != '.' && name[i] != '[') i++;
            if (i == b) {
                decref(obj);
                return raise(&ValueError_Type, "Empty attribute in format string");
            }
            next = get_attr_str(obj, name.substr(b, i - b));
        } else if (c == '[') {
            size_t b = i;
            while (i < name.size() && name[i] != ']') i++;
            if (i >= name.size()) {
                decref(obj);
                return raise(&ValueError_Type, "Missing ']' in format string");
            }
            std::string_view k = name.substr(b, i - b);
            i++;  // ']'
            if (k.empty()) {
                decref(obj);
                return raise(&ValueError_Type, "Empty attribute in format string");
            }
            int64_t ki = field_integer(k);
            if (ki == -2) {
                decref(obj);
                return nullptr;
            }
            Object* key = ki >= 0 ? new_int(ki) : new_str(k);
            next = key ? get_item(obj, key) : nullptr;
            xdecref(key);
            if (i < name.size() && name[i] != '.' && name[i] != '[') {
                xdecref(next);
                decref(obj);
                return raise(&ValueError_Type, "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            decref(obj);
            return raise(&ValueError_Type, "Only '.' or '[' may follow ']' in format field specifier");
        }
        decref(obj);
        if (!next) return nullptr;
        obj = next;
    }
    return obj;
}

Object* convert(Object* obj, char32_t conversion) {
    switch (conversion) {
        case 'r': return object_repr(obj);
        case 's': return object_str(obj);
        case 'a': {
            Object* ascii = dict_get_cstr(rt().builtins, "ascii");
            return ascii ? call1(ascii, obj) : object_repr(obj);
        }
    }
    if (conversion > 32 && conversion < 127)
        return raise_format(&ValueError_Type, "Unknown conversion specifier %c", static_cast<char>(conversion));
    return raise_format(&ValueError_Type, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conversion));
}

bool build_string(std::string_view s, FormatState& st, int depth, std::string& out);

// parse_field + output_markup for the field text after '{'. *pos is advanced past the '}'.
bool do_field(std::string_view s, size_t* pos, FormatState& st, int depth, std::string& out) {
    size_t p = *pos;
    size_t name_start = p;
    char c = 0;
    while (p < s.size()) {
        c = s[p++];
        if (c == '{') {
            raise(&ValueError_Type, "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (p < s.size() && s[p] != ']') p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    std::string_view field_name = s.substr(name_start, p - name_start - (p > name_start ? 1 : 0));
    char32_t conversion = 0;
    std::string_view spec;
    bool expand = false;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (p >= s.size()) {
                raise(&ValueError_Type, "end of string while looking for conversion specifier");
                return false;
            }
            // The conversion is one code point.
            std::u32string cp = utf8_decode(s.substr(p, 4));
            conversion = cp.empty() ? 0 : cp[0];
            size_t cp_len = 1;
            unsigned char lead = static_cast<unsigned char>(s[p]);
            if (lead >= 0xf0) cp_len = 4;
            else if (lead >= 0xe0) cp_len = 3;
            else if (lead >= 0xc0) cp_len = 2;
            p += cp_len;
            if (p < s.size()) {
                char d = s[p++];
                if (d == '}') goto have_field;
                if (d != ':') {
                    raise(&ValueError_Type, "expected ':' after conversion specifier");
                    return false;
                }
            }
        }
        {
            size_t spec_start = p;
            int count = 1;
            bool closed = false;
            while (p < s.size()) {
                char d = s[p++];
                if (d == '{') {
                    expand = true;
                    count++;
                } else if (d == '}') {
                    if (--count == 0) {
                        spec = s.substr(spec_start, p - 1 - spec_start);
                        closed = true;
                        break;
                    }
                }
            }
            if (!closed) {
                raise(&ValueError_Type, "unmatched '{' in format spec");
                return false;
            }
        }
    } else if (c != '}') {
        raise(&ValueError_Type, "expected '}' before end of string");
        return false;
    }
have_field:
    *pos = p;
    Object* obj = get_field_object(field_name, st);
    if (!obj) return false;
    if (conversion) {
        Object* conv = convert(obj, conversion);
        decref(obj);
        if (!conv) return false;
        obj = conv;
    }
    std::string spec_text(spec);
    if (expand) {
        spec_text.clear();
        if (!build_string(spec, st, depth - 1, spec_text)) {
            decref(obj);
            return false;
        }
    }
    Object* spec_obj = new_str(spec_text);
    Object* r = spec_obj ? object_format(obj, spec_obj) : nullptr;
    xdecref(spec_obj);
    decref(obj);
    if (!r) return false;
    out += str_value(r);
    decref(r);
    return true;
}

// MarkupIterator over the whole string.
bool build_string(std::string_view s, FormatState& st, int depth, std::string& out) {
    if (depth <= 0) {
        raise(&ValueError_Type, "Max string recursion exceeded");
        return false;
    }
    size_t p = 0;
    while (p < s.size()) {
        size_t start = p;
        char c = 0;
        bool markup = false;
        while (p < s.size()) {
            c = s[p++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = p >= s.size();
        size_t len = p - start;
        if (c == '}' && markup && (at_end || s[p] != '}')) {
            raise(&ValueError_Type, "Single '}' encountered in format string");
            return false;
        }
        if (at_end && c == '{' && markup) {
            raise(&ValueError_Type, "Single '{' encountered in format string");
            return false;
        }
        if (markup && !at_end) {
            if (s[p] == c) {
                p++;
                markup = false;  // escaped: the literal keeps one brace
            } else {
                len--;
            }
        }
        out.append(s.substr(start, len));
        if (!markup) continue;
        if (!do_field(s, &p, st, depth, out)) return false;
    }
    return true;
}

}  // namespace

static Object* str_format(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    FormatState st{args, nargs, nullptr};
    Object* kw = nullptr;
    if (kwnames && tuple_size(kwnames)) {
        kw = new_dict();
        if (!kw) return nullptr;
        for (intptr_t i = 0; i < tuple_size(kwnames); i++)
            dict_set(kw, tuple_items(kwnames)[i], args[nargs + static_cast<size_t>(i)]);
        st.kwargs = kw;
    }
    std::string out;
    bool ok = build_string(str_value(self), st, 2, out);
    xdecref(kw);
    if (!ok) return nullptr;
    return new_str(out);
}

static Object* str_format_map(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("str.format_map", kwnames) || !check_nargs("str.format_map", nargs, 1, 1)) return nullptr;
    FormatState st{nullptr, 0, args[0]};
    std::string out;
    if (!build_string(str_value(self), st, 2, out)) return nullptr;
    return new_str(out);
}

static const MethodDef kFormatFunction = {"format", builtin_format};

int add_format_function(Object* module) { return add_function(module, &kFormatFunction); }

void init_format_methods() {
    Object_Type.tp_methods.push_back({"__format__", object_format_meth});
    Int_Type.tp_methods.push_back({"__format__", int_format_meth});
    Float_Type.tp_methods.push_back({"__format__", float_format_meth});
    Str_Type.tp_methods.push_back({"__format__", str_format_meth});
    Str_Type.tp_methods.push_back({"format", str_format});
    Str_Type.tp_methods.push_back({"format_map", str_format_map});
}

}  // namespace ys::vm
