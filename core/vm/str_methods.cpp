// str methods that search and cut: find/rfind/index/rindex/count, startswith/endswith,
// split/rsplit/splitlines, join, replace, strip family, partition/rpartition,
// removeprefix/removesuffix. Strings are UTF-8; CPython's indices are code points, so
// every start/end is converted (ASCII strings skip the walk). Case, predicates and
// padding are in str_case.cpp.
#include <algorithm>

#include "vm/builtins_util.h"

namespace ys::vm {

void append_utf8(std::string& out, char32_t cp);  // str_core.cpp

std::u32string utf8_decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        int n;
        if (c < 0x80) { cp = c; n = 1; }
        else if ((c >> 5) == 6) { cp = c & 0x1F; n = 2; }
        else if ((c >> 4) == 14) { cp = c & 0x0F; n = 3; }
        else { cp = c & 0x07; n = 4; }
        for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); k++)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<size_t>(n);
    }
    return out;
}

std::string utf8_encode_all(std::u32string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

static StrObject* S(Object* o) { return static_cast<StrObject*>(o); }

// Byte offset of code point i (0 <= i <= length).
size_t str_byte_offset(Object* o, intptr_t i) {
    StrObject* s = S(o);
    if (s->ascii) return static_cast<size_t>(i);
    size_t off = 0;
    const std::string& v = s->value;
    for (intptr_t k = 0; k < i && off < v.size(); k++) {
        off++;
        while (off < v.size() && (static_cast<unsigned char>(v[off]) & 0xC0) == 0x80) off++;
    }
    return off;
}
// Code point index of byte offset b.
intptr_t str_cp_index(Object* o, size_t b) {
    StrObject* s = S(o);
    if (s->ascii) return static_cast<intptr_t>(b);
    intptr_t n = 0;
    for (size_t i = 0; i < b && i < s->value.size(); i++)
        if ((static_cast<unsigned char>(s->value[i]) & 0xC0) != 0x80) n++;
    return n;
}

// "%s() takes at least N argument(s) (M given)", the old-style texts of str methods.
static bool nargs_between(const char* name, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        raise_format(&TypeError_Type, "%s() takes at least %zu argument%s (%zu given)", name, min, min == 1 ? "" : "s",
                     nargs);
        return false;
    }
    if (nargs > max) {
        raise_format(&TypeError_Type, "%s() takes at most %zu argument%s (%zu given)", name, max, max == 1 ? "" : "s",
                     nargs);
        return false;
    }
    return true;
}

static bool need_str(Object* o) {
    if (is_str(o)) return true;
    raise_format(&TypeError_Type, "must be str, not %s", type_name(o));
    return false;
}

// Optional start/end (code points, None allowed) clamped as ADJUST_INDICES; returns
// byte offsets. false on error.
static bool slice_args(Object* self, Object* const* args, size_t nargs, size_t first, intptr_t* cs, intptr_t* ce,
                       size_t* bs, size_t* be) {
    intptr_t len = S(self)->length;
    intptr_t v[2] = {0, len};
    for (size_t i = 0; i < 2; i++) {
        if (first + i >= nargs || args[first + i] == YS_None) continue;
        bool ok;
        int64_t x = as_index(args[first + i], &ok);
        if (!ok) return false;
        if (x < 0) {
            x += len;
            if (x < 0) x = 0;
        } else if (x > len) {
            x = len;
        }
        v[i] = static_cast<intptr_t>(x);
    }
    *cs = v[0];
    *ce = v[1];
    if (v[0] > v[1]) {
        *bs = *be = 0;
    } else {
        *bs = str_byte_offset(self, v[0]);
        *be = str_byte_offset(self, v[1]);
    }
    return true;
}

// find/rfind/index/rindex: returns the code point index or -1; -2 on error.
static intptr_t find_impl(Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                          bool reverse) {
    if (!no_kwargs(name, kwnames) || !nargs_between(name, nargs, 1, 3)) return -2;
    if (!need_str(args[0])) return -2;
    intptr_t cs, ce;
    size_t bs, be;
    if (!slice_args(self, args, nargs, 1, &cs, &ce, &bs, &be)) return -2;
    if (cs > ce || cs > S(self)->length) return -1;
    std::string_view hay = std::string_view(str_value(self)).substr(bs, be - bs);
    const std::string& needle = str_value(args[0]);
    size_t p = reverse ? hay.rfind(needle) : hay.find(needle);
    if (p == std::string_view::npos) return -1;
    return str_cp_index(self, bs + p);
}

static Object* str_find(Object* self, Object* const* a, size_t n, Object* k) {
    intptr_t r = find_impl(self, a, n, k, "find", false);
    return r == -2 ? nullptr : new_int(r);
}
static Object* str_rfind(Object* self, Object* const* a, size_t n, Object* k) {
    intptr_t r = find_impl(self, a, n, k, "rfind", true);
    return r == -2 ? nullptr : new_int(r);
}
static Object* str_index(Object* self, Object* const* a, size_t n, Object* k) {
    intptr_t r = find_impl(self, a, n, k, "index", false);
    if (r == -1) return raise(&ValueError_Type, "substring not found");
    return r == -2 ? nullptr : new_int(r);
}
static Object* str_rindex(Object* self, Object* const* a, size_t n, Object* k) {
    intptr_t r = find_impl(self, a, n, k, "rindex", true);
    if (r == -1) return raise(&ValueError_Type, "substring not found");
    return r == -2 ? nullptr : new_int(r);
}

static Object* str_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("count", kwnames) || !nargs_between("count", nargs, 1, 3)) return nullptr;
    if (!need_str(args[0])) return nullptr;
    intptr_t cs, ce;
    size_t bs, be;
    if (!slice_args(self, args, nargs, 1, &cs, &ce, &bs, &be)) return nullptr;
    if (cs > ce || cs > S(self)->length) return new_int(0);
    const std::string& needle = str_value(args[0]);
    if (needle.empty()) return new_int(ce - cs + 1);
    std::string_view hay = std::string_view(str_value(self)).substr(bs, be - bs);
    int64_t c = 0;
    for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + needle.size())) c++;
    return new_int(c);
}

static Object* starts_ends(Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                           bool ends) {
    if (!no_kwargs(name, kwnames) || !nargs_between(name, nargs, 1, 3)) return nullptr;
    intptr_t cs, ce;
    size_t bs, be;
    if (!slice_args(self, args, nargs, 1, &cs, &ce, &bs, &be)) return nullptr;
    Object* prefix = args[0];
    Object* const* cands = &prefix;
    intptr_t ncands = 1;
    if (is_tuple(prefix)) {
        cands = tuple_items(prefix);
        ncands = tuple_size(prefix);
    } else if (!is_str(prefix)) {
        return raise_format(&TypeError_Type, "%s first arg must be str or a tuple of str, not %s", name,
                            type_name(prefix));
    }
    for (intptr_t i = 0; i < ncands; i++) {
        if (!is_str(cands[i]))
            return raise_format(&TypeError_Type, "tuple for %s must only contain str, not %s", name,
                                type_name(cands[i]));
        if (cs > S(self)->length) continue;
        const std::string& p = str_value(cands[i]);
        if (cs > ce) continue;
        std::string_view hay = std::string_view(str_value(self)).substr(bs, be - bs);
        bool hit = p.size() <= hay.size() &&
                   (ends ? hay.substr(hay.size() - p.size()) == p : hay.substr(0, p.size()) == p);
        if (hit) return new_bool(true);
    }
    return new_bool(false);
}
static Object* str_startswith(Object* self, Object* const* a, size_t n, Object* k) {
    return starts_ends(self, a, n, k, "startswith", false);
}
static Object* str_endswith(Object* self, Object* const* a, size_t n, Object* k) {
    return starts_ends(self, a, n, k, "endswith", true);
}

// ---- split family
static bool is_space_cp(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

static bool split_args(const char* name, Object* const* args, size_t nargs, Object* kwnames, Object** sep,
                       int64_t* maxsplit) {
    Object* a[2];
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++) {
            const std::string& k = str_value(tuple_items(kwnames)[i]);
            if (k != "sep" && k != "maxsplit") {
                raise_format(&TypeError_Type, "'%s' is an invalid keyword argument for %s()", k.c_str(), name);
                return false;
            }
        }
    }
    if (!parse_args(name, args, nargs, kwnames, {"sep", "maxsplit"}, 0, a)) return false;
    *sep = a[0] == YS_None ? nullptr : a[0];
    if (*sep && !is_str(*sep)) {
        raise_format(&TypeError_Type, "must be str or None, not %s", type_name(*sep));
        return false;
    }
    *maxsplit = -1;
    if (a[1]) {
        bool ok;
        *maxsplit = as_index(a[1], &ok);
        if (!ok) return false;
    }
    if (*sep && str_value(*sep).empty()) {
        raise(&ValueError_Type, "empty separator");
        return false;
    }
    return true;
}

static Object* list_of(const std::vector<std::string>& parts) {
    Object* l = new_list(0);
    if (!l) return nullptr;
    for (const std::string& p : parts) {
        Object* s = new_str(p);
        if (!s) {
            decref(l);
            return nullptr;
        }
        list_items(l).push_back(s);
    }
    return l;
}

static Object* str_split(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* sep;
    int64_t maxsplit;
    if (!split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
    std::vector<std::string> parts;
    const std::string& s = str_value(self);
    if (sep) {
        const std::string& d = str_value(sep);
        size_t pos = 0;
        while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
            size_t p = s.find(d, pos);
            if (p == std::string::npos) break;
            parts.push_back(s.substr(pos, p - pos));
            pos = p + d.size();
        }
        parts.push_back(s.substr(pos));
        return list_of(parts);
    }
    std::u32string cps = utf8_decode(s);
    size_t i = 0, n = cps.size();
    while (true) {
        while (i < n && is_space_cp(cps[i])) i++;
        if (i == n) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
            size_t e = n;
            while (e > i && is_space_cp(cps[e - 1])) e--;
            parts.push_back(utf8_encode_all(std::u32string_view(cps).substr(i, e - i)));
            break;
        }
        size_t j = i;
        while (j < n && !is_space_cp(cps[j])) j++;
        parts.push_back(utf8_encode_all(std::u32string_view(cps).substr(i, j - i)));
        i = j;
    }
    return list_of(parts);
}

static Object* str_rsplit(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* sep;
    int64_t maxsplit;
    if (!split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
    std::vector<std::string> parts;
    const std::string& s = str_value(self);
    if (sep) {
        const std::string& d = str_value(sep);
        size_t end = s.size();
        while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
            if (end < d.size()) break;
            size_t p = s.rfind(d, end - d.size());
            if (p == std::string::npos) break;
            parts.push_back(s.substr(p + d.size(), end - p - d.size()));
            end = p;
        }
        parts.push_back(s.substr(0, end));
        std::reverse(parts.begin(), parts.end());
        return list_of(parts);
    }
    std::u32string cps = utf8_decode(s);
    size_t j = cps.size();
    while (true) {
        while (j > 0 && is_space_cp(cps[j - 1])) j--;
        if (j == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
            size_t b = 0;
            while (b < j && is_space_cp(cps[b])) b++;
            parts.push_back(utf8_encode_all(std::u32string_view(cps).substr(b, j - b)));
            break;
        }
        size_t i = j;
        while (i > 0 && !is_space_cp(cps[i - 1])) i--;
        parts.push_back(utf8_encode_all(std::u32string_view(cps).substr(i, j - i)));
        j = i;
    }
    std::reverse(parts.begin(), parts.end());
    return list_of(parts);
}

static Object* str_splitlines(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[1];
    if (!parse_args("splitlines", args, nargs, kwnames, {"keepends"}, 0, a)) return nullptr;
    int keep = 0;
    if (a[0]) {
        keep = object_is_true(a[0]);
        if (keep < 0) return nullptr;
    }
    std::u32string cps = utf8_decode(str_value(self));
    std::vector<std::string> parts;
    size_t i = 0, n = cps.size();
    while (i < n) {
        size_t j = i;
        while (j < n) {
            char32_t c = cps[j];
            if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
                c == 0x85 || c == 0x2028 || c == 0x2029)
                break;
            j++;
        }
        size_t eol = j;
        if (j < n) {
            if (cps[j] == '\r' && j + 1 < n && cps[j + 1] == '\n') j += 2;
            else j++;
            if (keep) eol = j;
        }
        parts.push_back(utf8_encode_all(std::u32string_view(cps).substr(i, eol - i)));
        i = j;
    }
    return list_of(parts);
}

static Object* str_join(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("str.join", kwnames) || !check_nargs("str.join", nargs, 1, 1)) return nullptr;
    Object* src = args[0];
    if (!src->ob_type->tp_iter && !src->ob_type->mp_subscript)
        return raise(&TypeError_Type, "can only join an iterable");
    Object* seq = sequence_to_list(src);
    if (!seq) return nullptr;
    std::string out;
    const std::string& sep = str_value(self);
    auto& items = list_items(seq);
    for (size_t i = 0; i < items.size(); i++) {
        if (!is_str(items[i])) {
            raise_format(&TypeError_Type, "sequence item %zu: expected str instance, %s found", i, type_name(items[i]));
            decref(seq);
            return nullptr;
        }
        if (i) out += sep;
        out += str_value(items[i]);
    }
    decref(seq);
    return new_str(out);
}

static Object* str_replace(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("replace", kwnames) || !check_nargs("replace", nargs, 2, 3)) return nullptr;
    for (int i = 0; i < 2; i++)
        if (!is_str(args[i]))
            return raise_format(&TypeError_Type, "replace() argument %d must be str, not %s", i + 1,
                                type_name(args[i]));
    int64_t count = -1;
    if (nargs == 3) {
        bool ok;
        count = as_index(args[2], &ok);
        if (!ok) return nullptr;
    }
    const std::string& s = str_value(self);
    const std::string& old = str_value(args[0]);
    const std::string& rep = str_value(args[1]);
    std::string out;
    if (old.empty()) {
        // Insert `rep` before every code point and at the end, up to count times.
        std::u32string cps = utf8_decode(s);
        int64_t done = 0;
        for (char32_t c : cps) {
            if (count < 0 || done < count) {
                out += rep;
                done++;
            }
            append_utf8(out, c);
        }
        if (count < 0 || done < count) out += rep;
        return new_str(out);
    }
    size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t p = s.find(old, pos);
        if (p == std::string::npos) break;
        out.append(s, pos, p - pos);
        out += rep;
        pos = p + old.size();
        done++;
    }
    out.append(s, pos, std::string::npos);
    if (done == 0 && self->ob_type == &Str_Type) return newref(self);
    return new_str(out);
}

// ---- strip family
static Object* strip_impl(Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                          bool left, bool right) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 0, 1)) return nullptr;
    Object* chars = nargs ? args[0] : nullptr;
    if (chars == YS_None) chars = nullptr;
    if (chars && !is_str(chars)) return raise_format(&TypeError_Type, "%s arg must be None or str", name);
    std::u32string cps = utf8_decode(str_value(self));
    std::u32string set = chars ? utf8_decode(str_value(chars)) : std::u32string();
    auto strip_it = [&](char32_t c) { return chars ? set.find(c) != std::u32string::npos : is_space_cp(c); };
    size_t b = 0, e = cps.size();
    if (left)
        while (b < e && strip_it(cps[b])) b++;
    if (right)
        while (e > b && strip_it(cps[e - 1])) e--;
    if (b == 0 && e == cps.size() && self->ob_type == &Str_Type) return newref(self);
    return new_str(utf8_encode_all(std::u32string_view(cps).substr(b, e - b)));
}
static Object* str_strip(Object* s, Object* const* a, size_t n, Object* k) { return strip_impl(s, a, n, k, "strip", true, true); }
static Object* str_lstrip(Object* s, Object* const* a, size_t n, Object* k) { return strip_impl(s, a, n, k, "lstrip", true, false); }
static Object* str_rstrip(Object* s, Object* const* a, size_t n, Object* k) { return strip_impl(s, a, n, k, "rstrip", false, true); }

static Object* partition_impl(Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                              bool reverse) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
    if (!need_str(args[0])) return nullptr;
    const std::string& s = str_value(self);
    const std::string& sep = str_value(args[0]);
    if (sep.empty()) return raise(&ValueError_Type, "empty separator");
    size_t p = reverse ? s.rfind(sep) : s.find(sep);
    std::string a, b, c;
    if (p == std::string::npos) {
        (reverse ? c : a) = s;
    } else {
        a = s.substr(0, p);
        b = sep;
        c = s.substr(p + sep.size());
    }
    Object* x = new_str(a);
    Object* y = new_str(b);
    Object* z = new_str(c);
    Object* r = x && y && z ? tuple_pack({x, y, z}) : nullptr;
    xdecref(x);
    xdecref(y);
    xdecref(z);
    return r;
}
static Object* str_partition(Object* s, Object* const* a, size_t n, Object* k) {
    return partition_impl(s, a, n, k, "str.partition", false);
}
static Object* str_rpartition(Object* s, Object* const* a, size_t n, Object* k) {
    return partition_impl(s, a, n, k, "str.rpartition", true);
}

static Object* affix_impl(Object* self, Object* const* args, size_t nargs, Object* kwnames, const char* name,
                          bool suffix) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
        return raise_format(&TypeError_Type, "%s() argument must be str, not %s", name + 4, type_name(args[0]));
    const std::string& s = str_value(self);
    const std::string& a = str_value(args[0]);
    if (!a.empty() && a.size() <= s.size()) {
        if (!suffix && s.compare(0, a.size(), a) == 0) return new_str(s.substr(a.size()));
        if (suffix && s.compare(s.size() - a.size(), a.size(), a) == 0) return new_str(s.substr(0, s.size() - a.size()));
    }
    return self->ob_type == &Str_Type ? newref(self) : new_str(s);
}
static Object* str_removeprefix(Object* s, Object* const* a, size_t n, Object* k) {
    return affix_impl(s, a, n, k, "str.removeprefix", false);
}
static Object* str_removesuffix(Object* s, Object* const* a, size_t n, Object* k) {
    return affix_impl(s, a, n, k, "str.removesuffix", true);
}

void init_str_search_methods() {
    auto& m = Str_Type.tp_methods;
    m.push_back({"find", str_find});
    m.push_back({"rfind", str_rfind});
    m.push_back({"index", str_index});
    m.push_back({"rindex", str_rindex});
    m.push_back({"count", str_count});
    m.push_back({"startswith", str_startswith});
    m.push_back({"endswith", str_endswith});
    m.push_back({"split", str_split});
    m.push_back({"rsplit", str_rsplit});
    m.push_back({"splitlines", str_splitlines});
    m.push_back({"join", str_join});
    m.push_back({"replace", str_replace});
    m.push_back({"strip", str_strip});
    m.push_back({"lstrip", str_lstrip});
    m.push_back({"rstrip", str_rstrip});
    m.push_back({"partition", str_partition});
    m.push_back({"rpartition", str_rpartition});
    m.push_back({"removeprefix", str_removeprefix});
    m.push_back({"removesuffix", str_removesuffix});
}

}  // namespace ys::vm
