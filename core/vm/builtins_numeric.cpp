// Numeric built-ins: sum, min, max, abs, round, divmod, pow, bin/oct/hex, chr, ord;
// int() string parsing; and the methods of int and float that everyday code uses
// (bit_length, is_integer, ...). Rounding follows CPython: round-half-even on the
// exact binary value of a float.
#include <charconv>
#include <cmath>
#include <cstring>

#include "vm/builtins_util.h"
#include "vm/format_int.h"

namespace ys::vm {

Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found);  // class.cpp
void append_utf8(std::string& out, char32_t cp);                                                   // str_core.cpp

enum { kNbAdd = 0, kNbFloorDiv = 2, kNbMod = 6, kNbPow = 8 };


// ---- int(str, base): PyLong_FromString's grammar (prefixes for base 0/2/8/16,
// single underscores between digits, surrounding whitespace).
Object* int_from_string(std::string_view text, int base) {
    if ((base != 0 && base < 2) || base > 36)
        return raise(&ValueError_Type, "int() base must be >= 2 and <= 36, or 0");
    int64_t too_many_digits = 0;
    auto v = fmt::BigInt::from_string(fmt::transform_decimal_and_space_to_ascii(text), base, &too_many_digits);
    if (v) return new_int_from_big(*v);
    if (too_many_digits) return raise(&ValueError_Type, fmt::int_max_str_digits_message(too_many_digits));
    Object* s = new_str(text);
    if (!s) return nullptr;
    std::string r = repr_string(s);
    decref(s);
    return raise_format(&ValueError_Type, "invalid literal for int() with base %d: %s", base, r.c_str());
}

// ---- sum
static Object* builtin_sum(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[2];
    if (!parse_args("sum", args, nargs, kwnames, {"iterable", "start"}, 1, a, 1)) return nullptr;
    Object* start = a[1];
    if (start && is_str(start)) return raise(&TypeError_Type, "sum() can't sum strings [use ''.join(seq) instead]");
    Object* it = get_iter(a[0]);
    if (!it) return nullptr;
    Object* acc = start ? newref(start) : new_int(0);
    while (Object* x = iter_next(it)) {
        Object* r = binary_op(acc, x, kNbAdd);
        decref(x);
        decref(acc);
        acc = r;
        if (!acc) break;
    }
    decref(it);
    if (err_occurred()) {
        xdecref(acc);
        return nullptr;
    }
    return acc;
}

// ---- min / max
static Object* min_max(Object* const* args, size_t nargs, Object* kwnames, int op, const char* name) {
    Object *key = nullptr, *dflt = nullptr;
    if (nargs == 0) return raise_format(&TypeError_Type, "%s expected at least 1 argument, got 0", name);
    if (kwnames) {
        for (intptr_t i = 0; i < tuple_size(kwnames); i++) {
            const std::string& k = str_value(tuple_items(kwnames)[i]);
            Object* v = args[nargs + static_cast<size_t>(i)];
            if (k == "key") key = v;
            else if (k == "default") dflt = v;
            else return raise_format(&TypeError_Type, "'%s' is an invalid keyword argument for %s()", k.c_str(), name);
        }
    }
    if (nargs > 1 && dflt)
        return raise_format(&TypeError_Type, "Cannot specify a default for %s() with multiple positional arguments",
                            name);
    if (key == YS_None) key = nullptr;
    Object* seq = nargs == 1 ? args[0] : nullptr;
    Object* tmp = nullptr;
    if (!seq) {
        tmp = tuple_from(args, static_cast<intptr_t>(nargs));
        if (!tmp) return nullptr;
        seq = tmp;
    }
    Object* it = get_iter(seq);
    xdecref(tmp);
    if (!it) return nullptr;
    Object *best = nullptr, *best_key = nullptr;
    while (Object* x = iter_next(it)) {
        Object* k = key ? call1(key, x) : newref(x);
        if (!k) {
            decref(x);
            break;
        }
        if (!best) {
            best = x;
            best_key = k;
            continue;
        }
        int c = rich_compare_bool(k, best_key, op);
        if (c < 0) {
            decref(x);
            decref(k);
            break;
        }
        if (c) {
            setref(&best, x);
            setref(&best_key, k);
        } else {
            decref(x);
            decref(k);
        }
    }
    decref(it);
    xdecref(best_key);
    if (err_occurred()) {
        xdecref(best);
        return nullptr;
    }
    if (!best) {
        if (dflt) return newref(dflt);
        return raise_format(&ValueError_Type, "%s() arg is an empty sequence", name);
    }
    return best;
}
static Object* builtin_min(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    return min_max(args, nargs, kwnames, 0, "min");
}
static Object* builtin_max(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    return min_max(args, nargs, kwnames, 4, "max");
}

// ---- abs / divmod / pow
static Object* builtin_abs(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("abs", kwnames) || !check_nargs("abs", nargs, 1, 1)) return nullptr;
    Object* x = args[0];
    if (!x->ob_type->nb_absolute) return raise_format(&TypeError_Type, "bad operand type for abs(): '%s'", type_name(x));
    return x->ob_type->nb_absolute(x);
}

// False without an error for a non-number; false with OverflowError for an int past
// a double's range.
static bool as_double(Object* o, double* d) {
    if (is_float(o)) *d = float_value(o);
    else if (is_int(o)) return int_as_double(o, d);
    else return false;
    return true;
}

// float_divmod in Objects/floatobject.c.
static Object* float_divmod(double vx, double wx) {
    if (wx == 0.0) return raise(&ZeroDivisionError_Type, "float divmod()");
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    Object* q = new_float(floordiv);
    Object* m = new_float(mod);
    Object* r = (q && m) ? tuple_pack({q, m}) : nullptr;
    xdecref(q);
    xdecref(m);
    return r;
}

static Object* builtin_divmod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("divmod", kwnames) || !check_nargs("divmod", nargs, 2, 2)) return nullptr;
    Object *a = args[0], *b = args[1];
    if (is_int(a) && is_int(b)) {
        Object* q = binary_op(a, b, kNbFloorDiv);
        if (!q) return nullptr;
        Object* m = binary_op(a, b, kNbMod);
        if (!m) {
            decref(q);
            return nullptr;
        }
        Object* r = tuple_pack({q, m});
        decref(q);
        decref(m);
        return r;
    }
    double x, y;
    if ((is_float(a) || is_float(b)) && as_double(a, &x) && as_double(b, &y)) return float_divmod(x, y);
    if (err_occurred()) return nullptr;
    bool found;
    Object* r = call_special(a, intern("__divmod__"), &b, 1, &found);
    if (r && r != YS_NotImplemented) return r;
    if (!r && found) return nullptr;
    xdecref(r);
    r = call_special(b, intern("__rdivmod__"), &a, 1, &found);
    if (r && r != YS_NotImplemented) return r;
    if (!r && found) return nullptr;
    xdecref(r);
    return raise_format(&TypeError_Type, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(a),
                        type_name(b));
}

// pow(base, exp, mod), on BigInts whatever the operands' size: one modular
// exponentiation rather than a 64-bit copy of it.
static Object* int_pow_mod(Object* base_obj, Object* exp_obj, Object* mod_obj) {
    using fmt::BigInt;
    BigInt base = int_to_big(base_obj), exp = int_to_big(exp_obj), m = int_to_big(mod_obj);
    if (m.is_zero()) return raise(&ValueError_Type, "pow() 3rd argument cannot be 0");
    if (exp.is_negative()) {
        // Inverse of base modulo |m| by the extended Euclidean algorithm.
        const BigInt mm = m.abs();
        BigInt t = 0, newt = 1, r = mm, newr = fmt::mod(base, mm);
        while (!newr.is_zero()) {
            const BigInt q = fmt::floordiv(r, newr);
            BigInt tmp = t - q * newt;
            t = newt;
            newt = tmp;
            tmp = r - q * newr;
            r = newr;
            newr = tmp;
        }
        if (r != BigInt(1)) return raise(&ValueError_Type, "base is not invertible for the given modulus");
        base = fmt::mod(t, mm);
        exp = -exp;
    }
    return new_int_from_big(BigInt::pow_mod(base, exp, m));
}

static Object* builtin_pow(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[3];
    if (!parse_args("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, a)) return nullptr;
    if (!a[2] || a[2] == YS_None) return binary_op(a[0], a[1], kNbPow);
    if (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]))
        return raise(&TypeError_Type, "pow() 3rd argument not allowed unless all arguments are integers");
    return int_pow_mod(a[0], a[1], a[2]);
}

// ---- round
// Rounds the exact decimal expansion of x to `ndigits` places, half to even.
static double round_double(double x, int64_t ndigits) {
    if (!std::isfinite(x) || x == 0.0) return x;
    if (ndigits > 330) return x;
    if (ndigits < -330) return std::copysign(0.0, x);
    char buf[1500];  // exact expansion: up to 309 integer + 1100 fraction digits
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::fixed, 1100);
    std::string s(buf, res.ptr);
    size_t dot = s.find('.');
    std::string digits = s.substr(0, dot) + s.substr(dot + 1);
    intptr_t point = static_cast<intptr_t>(dot);  // digits before the point
    intptr_t keep = point + ndigits;               // digits kept
    std::string kept;
    bool round_up = false;
    if (keep < 0) {
        kept = "0";
        keep = 0;
    } else {
        kept = digits.substr(0, static_cast<size_t>(keep));
        if (kept.empty()) kept = "0";
        if (static_cast<size_t>(keep) < digits.size()) {
            char first = digits[static_cast<size_t>(keep)];
            bool rest_zero = digits.find_first_not_of('0', static_cast<size_t>(keep) + 1) == std::string::npos;
            int last = kept.back() - '0';
            if (first > '5' || (first == '5' && (!rest_zero || (last & 1)))) round_up = true;
        }
    }
    // Add one unit at the last kept digit.
    if (round_up) {
        size_t i = kept.size();
        while (i > 0) {
            if (kept[i - 1] == '9') {
                kept[i - 1] = '0';
                i--;
            } else {
                kept[i - 1]++;
                break;
            }
        }
        if (i == 0) kept.insert(kept.begin(), '1');
    }
    std::string text = kept + "e" + std::to_string(-ndigits);
    double r = std::strtod(text.c_str(), nullptr);
    return std::copysign(r, x);
}

static Object* builtin_round(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[2];
    if (!parse_args("round", args, nargs, kwnames, {"number", "ndigits"}, 1, a)) return nullptr;
    Object* x = a[0];
    Object* nd = a[1] == YS_None ? nullptr : a[1];
    int64_t n = 0;
    if (nd) {
        bool ok;
        n = as_index(nd, &ok);
        if (!ok) return nullptr;
    }
    if (is_float(x)) {
        double d = float_value(x);
        if (!nd) {
            double r = std::nearbyint(d);  // default rounding mode: half to even
            if (std::isnan(d)) return raise(&ValueError_Type, "cannot convert float NaN to integer");
            if (std::isinf(d)) return raise(&OverflowError_Type, "cannot convert float infinity to integer");
            if (std::fabs(r) >= 9.2233720368547758e18) return new_int_from_big(fmt::BigInt::from_double(r));
            return new_int(static_cast<int64_t>(r));
        }
        double r = round_double(d, n);
        if (std::isinf(r) && std::isfinite(d)) return raise(&OverflowError_Type, "rounded value too large to represent");
        return new_float(r);
    }
    if (is_int(x) && int_is_big(x)) {
        if (!nd || n >= 0) return new_int_from_big(int_to_big(x));
        return new_int_from_big(fmt::BigInt::round(int_to_big(x), n));
    }
    if (is_int(x)) {
        int64_t v = int_value(x);
        if (!nd || n >= 0) return new_int(v);
        if (n < -18) return new_int(0);
        int64_t p = 1;
        for (int64_t i = 0; i < -n; i++) p *= 10;
        int64_t q = v / p, rem = v % p;
        if (rem < 0) {
            rem += p;
            q -= 1;
        }
        // Half to even on the quotient.
        if (rem * 2 > p || (rem * 2 == p && (q & 1))) q += 1;
        int64_t r;
        if (__builtin_mul_overflow(q, p, &r)) return new_int_from_big(fmt::BigInt::round(v, n));
        return new_int(r);
    }
    bool found;
    Object* r = call_special(x, intern("__round__"), nd ? &nd : nullptr, nd ? 1 : 0, &found);
    if (!found && !err_occurred())
        return raise_format(&TypeError_Type, "type %s doesn't define __round__ method", type_name(x));
    return r;
}

// ---- bin / oct / hex / chr / ord
static Object* int_text(Object* const* args, size_t nargs, Object* kwnames, const char* name, int base) {
    if (!no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
    if (is_int(args[0]) && int_is_big(args[0])) return new_str(int_to_big(args[0]).to_string(base, true));
    bool ok;
    int64_t v = as_index(args[0], &ok);
    if (!ok) return nullptr;
    return new_str(fmt::int_to_string_base(v, base));
}
static Object* builtin_bin(Object*, Object* const* a, size_t n, Object* k) { return int_text(a, n, k, "bin", 2); }
static Object* builtin_oct(Object*, Object* const* a, size_t n, Object* k) { return int_text(a, n, k, "oct", 8); }
static Object* builtin_hex(Object*, Object* const* a, size_t n, Object* k) { return int_text(a, n, k, "hex", 16); }

static Object* builtin_chr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("chr", kwnames) || !check_nargs("chr", nargs, 1, 1)) return nullptr;
    if (is_int(args[0]) && int_is_big(args[0])) return raise(&OverflowError_Type, "Python int too large to convert to C int");
    bool ok;
    int64_t v = as_index(args[0], &ok);
    if (!ok) return nullptr;
    if (v < 0 || v > 0x10FFFF) return raise(&ValueError_Type, "chr() arg not in range(0x110000)");
    std::string s;
    append_utf8(s, static_cast<char32_t>(v));
    return new_str(s);
}

static Object* builtin_ord(Object*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("ord", kwnames) || !check_nargs("ord", nargs, 1, 1)) return nullptr;
    Object* s = args[0];
    if (!is_str(s))
        return raise_format(&TypeError_Type, "ord() expected string of length 1, but %s found", type_name(s));
    intptr_t n = static_cast<StrObject*>(s)->length;
    if (n != 1)
        return raise_format(&TypeError_Type, "ord() expected a character, but string of length %zd found", n);
    std::u32string cps = utf8_decode(str_value(s));
    return new_int(static_cast<int64_t>(cps[0]));
}

static const MethodDef kNumericFunctions[] = {
    {"sum", builtin_sum},       {"min", builtin_min}, {"max", builtin_max}, {"abs", builtin_abs},
    {"divmod", builtin_divmod}, {"pow", builtin_pow}, {"round", builtin_round}, {"bin", builtin_bin},
    {"oct", builtin_oct},       {"hex", builtin_hex}, {"chr", builtin_chr}, {"ord", builtin_ord},
};

int add_numeric_functions(Object* module) {
    for (const MethodDef& def : kNumericFunctions)
        if (add_function(module, &def) < 0) return -1;
    return 0;
}

// ---- int and float methods
static Object* int_bit_length(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("int.bit_length", kwnames) || !check_nargs("int.bit_length", nargs, 0, 0)) return nullptr;
    if (int_is_big(self)) return new_int(static_cast<int64_t>(int_to_big(self).bit_length()));
    int64_t v = int_value(self);
    uint64_t a = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    return new_int(a == 0 ? 0 : 64 - __builtin_clzll(a));
}
// The exact int behind `self` (an int subclass instance gives a plain int).
static Object* exact_int(Object* self) {
    return int_is_big(self) ? new_int_from_big(int_to_big(self)) : new_int(int_value(self));
}
static Object* int_conjugate(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("int.conjugate", kwnames) || !check_nargs("int.conjugate", nargs, 0, 0)) return nullptr;
    return exact_int(self);
}
static Object* int_index_meth(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("__index__", kwnames) || !check_nargs("__index__", nargs, 0, 0)) return nullptr;
    return exact_int(self);
}
static Object* int_real(Object* self) { return exact_int(self); }
static Object* int_imag(Object*) { return new_int(0); }
static Object* int_numerator(Object* self) { return exact_int(self); }
static Object* int_denominator(Object*) { return new_int(1); }

static Object* float_is_integer(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("float.is_integer", kwnames) || !check_nargs("float.is_integer", nargs, 0, 0)) return nullptr;
    double d = float_value(self);
    return new_bool(std::isfinite(d) && std::floor(d) == d);
}
static Object* float_conjugate(Object* self, Object* const*, size_t nargs, Object* kwnames) {
    if (!no_kwargs("float.conjugate", kwnames) || !check_nargs("float.conjugate", nargs, 0, 0)) return nullptr;
    return new_float(float_value(self));
}
static Object* float_real(Object* self) { return new_float(float_value(self)); }
static Object* float_imag(Object*) { return new_float(0.0); }

void init_numeric_methods() {
    Int_Type.tp_methods.push_back({"bit_length", int_bit_length});
    Int_Type.tp_methods.push_back({"conjugate", int_conjugate});
    Int_Type.tp_methods.push_back({"__index__", int_index_meth});
    Int_Type.tp_getset.push_back({"real", int_real});
    Int_Type.tp_getset.push_back({"imag", int_imag});
    Int_Type.tp_getset.push_back({"numerator", int_numerator});
    Int_Type.tp_getset.push_back({"denominator", int_denominator});
    Float_Type.tp_methods.push_back({"is_integer", float_is_integer});
    Float_Type.tp_methods.push_back({"conjugate", float_conjugate});
    Float_Type.tp_getset.push_back({"real", float_real});
    Float_Type.tp_getset.push_back({"imag", float_imag});
}

}  // namespace ys::vm
