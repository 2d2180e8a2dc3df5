// str methods about characters: case mapping (upper, lower, capitalize, title,
// swapcase, casefold), the is* predicates, and padding (ljust, rjust, center, zfill,
// expandtabs). Case mapping covers ASCII and Latin-1, which is what the subset's
// programs use; other code points are left unchanged.
#include "vm/builtins_util.h"

namespace ys::vm {

static bool is_lower_cp(char32_t c) {
    return (c >= 'a' && c <= 'z') || c == 0xb5 || c == 0xdf || (c >= 0xe0 && c <= 0xff && c != 0xf7);
}
static bool is_upper_cp(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7); }
static bool is_cased(char32_t c) { return is_lower_cp(c) || is_upper_cp(c); }
static char32_t to_upper_cp(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
    if (c == 0xff) return 0x178;
    return c;
}
static char32_t to_lower_cp(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
    return c;
}
static bool is_digit_cp(char32_t c) { return c >= '0' && c <= '9'; }
static bool is_alpha_cp(char32_t c) {
    return is_cased(c) || c == 0xaa || c == 0xba || (c >= 0x100 && c != 0x2028 && c != 0x2029 && c < 0x2000);
}
static bool is_space_cp(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

static bool noargs(Object* self, const char* name, size_t nargs, Object* kwnames) {
    (void)self;
    return no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

template <char32_t (*F)(char32_t)>
static Object* map_cps(Object* self) {
    std::u32string cps = utf8_decode(str_value(self));
    for (char32_t& c : cps) c = F(c);
    return new_str(utf8_encode_all(cps));
}
static char32_t swap_cp(char32_t c) { return is_upper_cp(c) ? to_lower_cp(c) : is_lower_cp(c) ? to_upper_cp(c) : c; }

static Object* str_upper(Object* s, Object* const*, size_t n, Object* k) {
    return noargs(s, "str.upper", n, k) ? map_cps<to_upper_cp>(s) : nullptr;
}
static Object* str_lower(Object* s, Object* const*, size_t n, Object* k) {
    return noargs(s, "str.lower", n, k) ? map_cps<to_lower_cp>(s) : nullptr;
}
static Object* str_casefold(Object* s, Object* const*, size_t n, Object* k) {
    return noargs(s, "str.casefold", n, k) ? map_cps<to_lower_cp>(s) : nullptr;
}
static Object* str_swapcase(Object* s, Object* const*, size_t n, Object* k) {
    return noargs(s, "str.swapcase", n, k) ? map_cps<swap_cp>(s) : nullptr;
}
static Object* str_capitalize(Object* s, Object* const*, size_t n, Object* k) {
    if (!noargs(s, "str.capitalize", n, k)) return nullptr;
    std::u32string cps = utf8_decode(str_value(s));
    for (size_t i = 0; i < cps.size(); i++) cps[i] = i == 0 ? to_upper_cp(cps[i]) : to_lower_cp(cps[i]);
    return new_str(utf8_encode_all(cps));
}
static Object* str_title(Object* s, Object* const*, size_t n, Object* k) {
    if (!noargs(s, "str.title", n, k)) return nullptr;
    std::u32string cps = utf8_decode(str_value(s));
    bool prev_cased = false;
    for (char32_t& c : cps) {
        bool cased = is_cased(c);
        c = prev_cased ? to_lower_cp(c) : to_upper_cp(c);
        prev_cased = cased;
    }
    return new_str(utf8_encode_all(cps));
}

// The is* predicates: false for the empty string.
template <bool (*P)(char32_t)>
static Object* all_cps(Object* self, const char* name, size_t nargs, Object* kwnames) {
    if (!noargs(self, name, nargs, kwnames)) return nullptr;
    std::u32string cps = utf8_decode(str_value(self));
    if (cps.empty()) return new_bool(false);
    for (char32_t c : cps)
        if (!P(c)) return new_bool(false);
    return new_bool(true);
}
static bool is_alnum_cp(char32_t c) { return is_alpha_cp(c) || is_digit_cp(c); }
static bool is_printable_cp(char32_t c) { return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xad; }
static Object* str_isdigit(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_digit_cp>(s, "str.isdigit", n, k); }
static Object* str_isdecimal(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_digit_cp>(s, "str.isdecimal", n, k); }
static Object* str_isnumeric(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_digit_cp>(s, "str.isnumeric", n, k); }
static Object* str_isalpha(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_alpha_cp>(s, "str.isalpha", n, k); }
static Object* str_isalnum(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_alnum_cp>(s, "str.isalnum", n, k); }
static Object* str_isspace(Object* s, Object* const*, size_t n, Object* k) { return all_cps<is_space_cp>(s, "str.isspace", n, k); }
static Object* str_isprintable(Object* s, Object* const*, size_t n, Object* k) {
    if (str_value(s).empty() && noargs(s, "str.isprintable", n, k)) return new_bool(true);
    return all_cps<is_printable_cp>(s, "str.isprintable", n, k);
}
static Object* str_isascii(Object* s, Object* const*, size_t n, Object* k) {
    if (!noargs(s, "str.isascii", n, k)) return nullptr;
    return new_bool(static_cast<StrObject*>(s)->ascii);
}

// isupper / islower: at least one cased character and none of the other case.
static Object* case_pred(Object* self, const char* name, size_t nargs, Object* kwnames, bool upper) {
    if (!noargs(self, name, nargs, kwnames)) return nullptr;
    bool cased = false;
    for (char32_t c : utf8_decode(str_value(self))) {
        if (upper ? is_lower_cp(c) : is_upper_cp(c)) return new_bool(false);
        if (upper ? is_upper_cp(c) : is_lower_cp(c)) cased = true;
    }
    return new_bool(cased);
}
static Object* str_isupper(Object* s, Object* const*, size_t n, Object* k) { return case_pred(s, "str.isupper", n, k, true); }
static Object* str_islower(Object* s, Object* const*, size_t n, Object* k) { return case_pred(s, "str.islower", n, k, false); }
static Object* str_istitle(Object* s, Object* const*, size_t n, Object* k) {
    if (!noargs(s, "str.istitle", n, k)) return nullptr;
    bool prev_cased = false, any = false;
    for (char32_t c : utf8_decode(str_value(s))) {
        if (is_upper_cp(c)) {
            if (prev_cased) return new_bool(false);
            prev_cased = any = true;
        } else if (is_lower_cp(c)) {
            if (!prev_cased) return new_bool(false);
            prev_cased = any = true;
        } else {
            prev_cased = false;
        }
    }
    return new_bool(any);
}
static Object* str_isidentifier(Object* s, Object* const*, size_t n, Object* k) {
    if (!noargs(s, "str.isidentifier", n, k)) return nullptr;
    std::u32string cps = utf8_decode(str_value(s));
    if (cps.empty() || is_digit_cp(cps[0])) return new_bool(false);
    for (char32_t c : cps)
        if (!(c == '_' || is_alnum_cp(c))) return new_bool(false);
    return new_bool(true);
}

// ---- padding
static bool pad_args(const char* name, Object* const* args, size_t nargs, Object* kwnames, int64_t* width,
                     std::string* fill) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 2)) return false;
    bool ok;
    *width = as_index(args[0], &ok);
    if (!ok) return false;
    *fill = " ";
    if (nargs == 2) {
        if (!is_str(args[1])) {
            raise_format(&TypeError_Type, "The fill character must be a unicode character, not %s",
                         type_name(args[1]));
            return false;
        }
        if (static_cast<StrObject*>(args[1])->length != 1) {
            raise(&TypeError_Type, "The fill character must be exactly one character long");
            return false;
        }
        *fill = str_value(args[1]);
    }
    return true;
}
static std::string repeat(const std::string& s, int64_t n) {
    std::string r;
    for (int64_t i = 0; i < n; i++) r += s;
    return r;
}
static Object* pad(Object* self, int64_t left, int64_t right, const std::string& fill) {
    if (left <= 0 && right <= 0 && self->ob_type == &Str_Type) return newref(self);
    return new_str(repeat(fill, left) + str_value(self) + repeat(fill, right));
}
static Object* str_ljust(Object* s, Object* const* a, size_t n, Object* k) {
    int64_t w;
    std::string f;
    if (!pad_args("ljust", a, n, k, &w, &f)) return nullptr;
    return pad(s, 0, w - static_cast<StrObject*>(s)->length, f);
}
static Object* str_rjust(Object* s, Object* const* a, size_t n, Object* k) {
    int64_t w;
    std::string f;
    if (!pad_args("rjust", a, n, k, &w, &f)) return nullptr;
    return pad(s, w - static_cast<StrObject*>(s)->length, 0, f);
}
static Object* str_center(Object* s, Object* const* a, size_t n, Object* k) {
    int64_t w;
    std::string f;
    if (!pad_args("center", a, n, k, &w, &f)) return nullptr;
    int64_t marg = w - static_cast<StrObject*>(s)->length;
    if (marg <= 0) return pad(s, 0, 0, f);
    int64_t left = marg / 2 + (marg & w & 1);
    return pad(s, left, marg - left, f);
}
static Object* str_zfill(Object* s, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("str.zfill", kwnames) || !check_nargs("str.zfill", nargs, 1, 1)) return nullptr;
    bool ok;
    int64_t w = as_index(args[0], &ok);
    if (!ok) return nullptr;
    const std::string& v = str_value(s);
    int64_t fill = w - static_cast<StrObject*>(s)->length;
    if (fill <= 0) return pad(s, 0, 0, " ");
    std::string out = std::string(static_cast<size_t>(fill), '0') + v;
    if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
        out[0] = v[0];
        out[static_cast<size_t>(fill)] = '0';
    }
    return new_str(out);
}
static Object* str_expandtabs(Object* s, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[1];
    if (!parse_args("expandtabs", args, nargs, kwnames, {"tabsize"}, 0, a)) return nullptr;
    int64_t tab = 8;
    if (a[0]) {
        bool ok;
        tab = as_index(a[0], &ok);
        if (!ok) return nullptr;
    }
    std::u32string out;
    int64_t col = 0;
    for (char32_t c : utf8_decode(str_value(s))) {
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                out.append(static_cast<size_t>(n), U' ');
                col += n;
            }
        } else {
            out.push_back(c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return new_str(utf8_encode_all(out));
}

void init_str_case_methods() {
    auto& m = Str_Type.tp_methods;
    m.push_back({"upper", str_upper});
    m.push_back({"lower", str_lower});
    m.push_back({"casefold", str_casefold});
    m.push_back({"swapcase", str_swapcase});
    m.push_back({"capitalize", str_capitalize});
    m.push_back({"title", str_title});
    m.push_back({"isdigit", str_isdigit});
    m.push_back({"isdecimal", str_isdecimal});
    m.push_back({"isnumeric", str_isnumeric});
    m.push_back({"isalpha", str_isalpha});
    m.push_back({"isalnum", str_isalnum});
    m.push_back({"isspace", str_isspace});
    m.push_back({"isprintable", str_isprintable});
    m.push_back({"isascii", str_isascii});
    m.push_back({"isupper", str_isupper});
    m.push_back({"islower", str_islower});
    m.push_back({"istitle", str_istitle});
    m.push_back({"isidentifier", str_isidentifier});
    m.push_back({"ljust", str_ljust});
    m.push_back({"rjust", str_rjust});
    m.push_back({"center", str_center});
    m.push_back({"zfill", str_zfill});
    m.push_back({"expandtabs", str_expandtabs});
}

}  // namespace ys::vm
