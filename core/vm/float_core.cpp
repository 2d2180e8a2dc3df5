// float: arithmetic (mixed with int), comparisons, hash, shortest round-trip repr.
#include <charconv>
#include <cmath>
#include <cstring>

#include "vm/format_int.h"
#include "vm/runtime.h"

namespace ys::vm {

Type Float_Type;
intptr_t int_hash_value(int64_t v);

Object* new_float(double v) {
    FloatObject* o = alloc<FloatObject>(&Float_Type);
    if (!o) return nullptr;
    o->value = v;
    return o;
}

// repr(float) as CPython's float_repr_style 'short': the shortest digits that round-trip,
// fixed notation for exponents in [-4, 16), else d.ddde+XX.
std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    // sci: [-]d[.ddd]e[+-]XX
    bool neg = sci[0] == '-';
    if (neg) sci.erase(0, 1);
    size_t e = sci.find('e');
    std::string mant = sci.substr(0, e);
    int exp = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp >= -4 && exp < 16) {
        // decimal point position: after (exp + 1) digits
        int point = exp + 1;
        if (point <= 0) {
            out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
        } else if (static_cast<size_t>(point) >= digits.size()) {
            out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return neg ? "-" + out : out;
}

static void float_dealloc(Object* o) { free_object(o); }
static Object* float_repr_fn(Object* o) { return new_str(float_repr(float_value(o))); }

static intptr_t float_hash(Object* o) {
    double v = float_value(o);
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return reinterpret_cast<intptr_t>(o) >> 4;
    double ip;
    if (std::modf(v, &ip) == 0.0 && std::fabs(v) < 9.2e18) return int_hash_value(static_cast<int64_t>(v));
    // _Py_HashDouble
    constexpr int kBits = 61;
    constexpr uint64_t kMod = (1ULL << kBits) - 1;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & kMod) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kMod) x -= kMod;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kMod) | x >> (kBits - e);
    int64_t h = static_cast<int64_t>(x) * sign;
    if (h == -1) h = -2;
    return h;
}

// Converts int/float operands to double; false = NotImplemented, or OverflowError set
// for an int past a double's range.
static bool to_double(Object* o, double* d) {
    if (is_float(o)) { *d = float_value(o); return true; }
    if (is_int(o)) return int_as_double(o, d);
    return false;
}
#define FLOAT_OPERANDS(a, b, x, y) \
    double x, y;                   \
    if (!to_double(a, &x) || !to_double(b, &y)) return err_occurred() ? nullptr : newref(YS_NotImplemented)

static Object* float_add(Object* a, Object* b) { FLOAT_OPERANDS(a, b, x, y); return new_float(x + y); }
static Object* float_sub(Object* a, Object* b) { FLOAT_OPERANDS(a, b, x, y); return new_float(x - y); }
static Object* float_mul(Object* a, Object* b) { FLOAT_OPERANDS(a, b, x, y); return new_float(x * y); }
static Object* float_div(Object* a, Object* b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0) return raise(&ZeroDivisionError_Type, "float division by zero");
    return new_float(x / y);
}
static Object* float_floordiv(Object* a, Object* b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0) return raise(&ZeroDivisionError_Type, "float floor division by zero");
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod && ((y < 0) != (mod < 0))) div -= 1.0;
    double fl = std::floor(div);
    if (div - fl > 0.5) fl += 1.0;
    return new_float(div ? fl : std::copysign(0.0, x / y));
}
static Object* float_mod(Object* a, Object* b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0) return raise(&ZeroDivisionError_Type, "float modulo");
    double mod = std::fmod(x, y);
    if (mod) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = std::copysign(0.0, y);
    }
    return new_float(mod);
}
static Object* float_pow(Object* a, Object* b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (x == 0.0 && y < 0)
        return raise(&ZeroDivisionError_Type, "0.0 cannot be raised to a negative power");
    return new_float(std::pow(x, y));
}
static Object* float_neg(Object* a) { return new_float(-float_value(a)); }
static Object* float_pos(Object* a) { return new_float(float_value(a)); }
static Object* float_abs(Object* a) { return new_float(std::fabs(float_value(a))); }
static int float_bool(Object* a) { return float_value(a) != 0.0; }
static Object* float_float(Object* a) { return new_float(float_value(a)); }
static Object* float_int(Object* a) {
    double d = float_value(a);
    if (std::isnan(d)) return raise(&ValueError_Type, "cannot convert float NaN to integer");
    if (std::isinf(d)) return raise(&OverflowError_Type, "cannot convert float infinity to integer");
    if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return new_int_from_big(fmt::BigInt::from_double(d));
    return new_int(static_cast<int64_t>(d));
}

// A float against an int too large for a double: the int lies beyond every finite
// float, so only the signs (and infinities) decide.
static Object* compare_with_huge_int(double x, Object* big, bool float_first, int op) {
    const double y = int_to_big(big).is_negative() ? -HUGE_VAL : HUGE_VAL;
    int c = std::isnan(x) ? 2 : std::isinf(x) && x == y ? (x > 0 ? 1 : -1) : x < y ? -1 : 1;
    if (!float_first && c != 2) c = -c;
    bool r = false;
    switch (op) {
        case 0: r = c == -1; break;
        case 1: r = c == -1; break;
        case 2: r = false; break;
        case 3: r = true; break;
        case 4: r = c == 1; break;
        case 5: r = c == 1; break;
    }
    return new_bool(r);
}

static Object* float_richcompare(Object* a, Object* b, int op) {
    double probe;
    if (is_int(b) && int_is_big(b) && !int_as_double(b, &probe)) {
        err_clear();
        if (!is_float(a)) return newref(YS_NotImplemented);
        return compare_with_huge_int(float_value(a), b, true, op);
    }
    if (is_int(a) && int_is_big(a) && !int_as_double(a, &probe)) {
        err_clear();
        if (!is_float(b)) return newref(YS_NotImplemented);
        return compare_with_huge_int(float_value(b), a, false, op);
    }
    FLOAT_OPERANDS(a, b, x, y);
    bool r = false;
    switch (op) {
        case 0: r = x < y; break;
        case 1: r = x <= y; break;
        case 2: r = x == y; break;
        case 3: r = x != y; break;
        case 4: r = x > y; break;
        case 5: r = x >= y; break;
    }
    return new_bool(r);
}

static Object* float_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("float", kwnames) || !check_nargs("float", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return new_float(0.0);
    Object* x = args[0];
    if (is_float(x)) return new_float(float_value(x));
    if (is_int(x)) {
        double d;
        if (!int_as_double(x, &d)) return nullptr;
        return new_float(d);
    }
    if (is_str(x)) {
        std::string s = str_value(x);
        size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
        std::string t = b == std::string::npos ? "" : s.substr(b, e - b + 1);
        std::string low;
        for (char c : t) low += static_cast<char>(tolower(static_cast<unsigned char>(c)));
        std::string body = low;
        double sign = 1.0;
        if (!body.empty() && (body[0] == '+' || body[0] == '-')) { sign = body[0] == '-' ? -1.0 : 1.0; body.erase(0, 1); }
        if (body == "inf" || body == "infinity") return new_float(sign * INFINITY);
        if (body == "nan") return new_float(NAN);
        double d = 0;
        const char* first = t.data();
        if (!t.empty() && t[0] == '+') first++;
        auto res = std::from_chars(first, t.data() + t.size(), d);
        if (t.empty() || res.ec != std::errc() || res.ptr != t.data() + t.size()) {
            std::string r = repr_string(x);
            return raise_format(&ValueError_Type, "could not convert string to float: %s", r.c_str());
        }
        return new_float(d);
    }
    if (x->ob_type->nb_float) return x->ob_type->nb_float(x);
    return raise_format(&TypeError_Type, "float() argument must be a string or a real number, not '%s'",
                        type_name(x));
}

void init_float_type() {
    Type* t = &Float_Type;
    t->tp_name = "float";
    t->tp_basicsize = sizeof(FloatObject);
    t->tp_flags = TPF_BASETYPE;
    t->tp_base = &Object_Type;
    t->tp_dealloc = float_dealloc;
    t->tp_repr = float_repr_fn;
    t->tp_hash = float_hash;
    t->tp_richcompare = float_richcompare;
    t->tp_new = float_new;
    t->nb_binary[0] = float_add;
    t->nb_binary[2] = float_floordiv;
    t->nb_binary[5] = float_mul;
    t->nb_binary[6] = float_mod;
    t->nb_binary[8] = float_pow;
    t->nb_binary[10] = float_sub;
    t->nb_binary[11] = float_div;
    t->nb_negative = float_neg;
    t->nb_positive = float_pos;
    t->nb_absolute = float_abs;
    t->nb_bool = float_bool;
    t->nb_float = float_float;
    t->nb_int = float_int;
}

}  // namespace ys::vm
