// int and bool: small-int cache, CPython's arithmetic semantics (floor division and
// modulo round toward -inf, true division gives a float, hash modulo 2**61-1). Every
// operation runs on int64 here and hands over to int_big.cpp when an operand is big or
// the 64-bit result would overflow.
#include <cmath>
#include <cstring>

#include "vm/format_int.h"
#include "vm/int_big.h"
#include "vm/runtime.h"

namespace ys::vm {

Type Int_Type, Bool_Type;
IntObject True_Object, False_Object;
static IntObject g_small_ints[262];  // -5..256
static constexpr int64_t kSmallMin = -5, kSmallMax = 256;

static void init_static_int(IntObject* o, Type* t, int64_t v) {
    o->ob_refcnt = 1 << 30;  // immortal in practice
    o->ob_type = t;
    o->value = v;
}

Object* new_int(int64_t v) {
    if (v >= kSmallMin && v <= kSmallMax) {
        Object* o = &g_small_ints[v - kSmallMin];
        incref(o);
        return o;
    }
    IntObject* o = alloc<IntObject>(&Int_Type);
    if (!o) return nullptr;
    o->value = v;
    return o;
}

int64_t as_index(Object* o, bool* ok) {
    *ok = true;
    int64_t v = -1;
    if (is_int(o)) {
        if (!int_as_int64(o, &v, "ssize_t")) *ok = false;
        return v;
    }
    if (o->ob_type->nb_index) {
        Object* r = o->ob_type->nb_index(o);
        if (!r) { *ok = false; return -1; }
        if (!int_as_int64(r, &v, "ssize_t")) *ok = false;
        decref(r);
        return v;
    }
    raise_format(&TypeError_Type, "'%s' object cannot be interpreted as an integer", type_name(o));
    *ok = false;
    return -1;
}

int64_t as_subscript_index(Object* key, bool* ok) {
    if (is_int(key) && int_is_big(key)) {
        *ok = false;
        raise(&IndexError_Type, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return as_index(key, ok);
}

int64_t as_slice_bound(Object* o, bool* ok) {
    if (is_int(o) && int_is_big(o)) {
        *ok = true;
        return int_to_big(o).is_negative() ? INT64_MIN : INT64_MAX;
    }
    return as_index(o, ok);
}

static void int_dealloc(Object* o) {
    if (int_is_big(o)) int_big_free(o);
    free_object(o);
}

static Object* int_repr(Object* o) {
    if (int_is_big(o)) return int_big_repr(o);
    return new_str(std::to_string(int_value(o)));
}

static Object* bool_repr(Object* o) { return new_str(int_value(o) ? "True" : "False"); }

intptr_t int_hash_value(int64_t v) {
    constexpr uint64_t kMod = (1ULL << 61) - 1;
    uint64_t a = v < 0 ? (v == INT64_MIN ? (1ULL << 63) : static_cast<uint64_t>(-v)) : static_cast<uint64_t>(v);
    int64_t h = static_cast<int64_t>(a % kMod);
    if (v < 0) h = -h;
    if (h == -1) h = -2;
    return h;
}
static intptr_t int_hash(Object* o) { return int_is_big(o) ? int_big_hash(o) : int_hash_value(int_value(o)); }

#define CHECK_BOTH_INT(a, b) \
    if (!is_int(a) || !is_int(b)) return newref(YS_NotImplemented)
// After CHECK_BOTH_INT: an operand past 64 bits takes the BigInt path.
#define SMALL_OR_BIG(op, a, b) \
    if (int_is_big(a) || int_is_big(b)) return int_big_binary(IntBinary::op, a, b)

static Object* int_add(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Add, a, b);
    int64_t r;
    if (__builtin_add_overflow(int_value(a), int_value(b), &r)) return int_big_binary(IntBinary::Add, a, b);
    return new_int(r);
}
static Object* int_sub(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Sub, a, b);
    int64_t r;
    if (__builtin_sub_overflow(int_value(a), int_value(b), &r)) return int_big_binary(IntBinary::Sub, a, b);
    return new_int(r);
}
static Object* int_mul(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Mul, a, b);
    int64_t r;
    if (__builtin_mul_overflow(int_value(a), int_value(b), &r)) return int_big_binary(IntBinary::Mul, a, b);
    return new_int(r);
}
static bool floor_divmod(int64_t x, int64_t y, int64_t* q, int64_t* m) {
    if (y == 0) return false;
    int64_t qq = x / y, mm = x % y;
    if (mm != 0 && ((mm < 0) != (y < 0))) { mm += y; qq -= 1; }
    *q = qq;
    *m = mm;
    return true;
}
static Object* int_floordiv(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(FloorDiv, a, b);
    if (int_value(a) == INT64_MIN && int_value(b) == -1) return int_big_binary(IntBinary::FloorDiv, a, b);
    int64_t q, m;
    if (!floor_divmod(int_value(a), int_value(b), &q, &m))
        return raise(&ZeroDivisionError_Type, "integer division or modulo by zero");
    return new_int(q);
}
static Object* int_mod(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Mod, a, b);
    if (int_value(b) == -1) return new_int(0);
    int64_t q, m;
    if (!floor_divmod(int_value(a), int_value(b), &q, &m))
        return raise(&ZeroDivisionError_Type, "integer modulo by zero");
    return new_int(m);
}
static Object* int_truediv(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(TrueDiv, a, b);
    // Past 2**53 a double loses the operands' low bits; the BigInt path rounds once.
    constexpr int64_t kExact = int64_t{1} << 53;
    if (int_value(a) > kExact || int_value(a) < -kExact || int_value(b) > kExact || int_value(b) < -kExact)
        return int_big_binary(IntBinary::TrueDiv, a, b);
    if (int_value(b) == 0) return raise(&ZeroDivisionError_Type, "division by zero");
    return new_float(static_cast<double>(int_value(a)) / static_cast<double>(int_value(b)));
}
static Object* int_pow(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Pow, a, b);
    int64_t base = int_value(a), exp = int_value(b);
    if (exp < 0) {
        if (base == 0)
            return raise(&ZeroDivisionError_Type, "0.0 cannot be raised to a negative power");
        return new_float(std::pow(static_cast<double>(base), static_cast<double>(exp)));
    }
    int64_t r = 1;
    while (exp) {
        if (exp & 1)
            if (__builtin_mul_overflow(r, base, &r)) return int_big_binary(IntBinary::Pow, a, b);
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base)) return int_big_binary(IntBinary::Pow, a, b);
    }
    return new_int(r);
}
static Object* int_lshift(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(LShift, a, b);
    int64_t x = int_value(a), s = int_value(b);
    if (s < 0) return raise(&ValueError_Type, "negative shift count");
    if (x == 0) return new_int(0);
    if (s >= 63) return int_big_binary(IntBinary::LShift, a, b);
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << s);
    if ((r >> s) != x) return int_big_binary(IntBinary::LShift, a, b);
    return new_int(r);
}
static Object* int_rshift(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(RShift, a, b);
    int64_t x = int_value(a), s = int_value(b);
    if (s < 0) return raise(&ValueError_Type, "negative shift count");
    if (s >= 63) return new_int(x < 0 ? -1 : 0);
    return new_int(x >> s);
}
static Object* int_and(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(And, a, b);
    int64_t r = int_value(a) & int_value(b);
    if (a->ob_type == &Bool_Type && b->ob_type == &Bool_Type) return new_bool(r);
    return new_int(r);
}
static Object* int_or(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Or, a, b);
    int64_t r = int_value(a) | int_value(b);
    if (a->ob_type == &Bool_Type && b->ob_type == &Bool_Type) return new_bool(r);
    return new_int(r);
}
static Object* int_xor(Object* a, Object* b) {
    CHECK_BOTH_INT(a, b);
    SMALL_OR_BIG(Xor, a, b);
    int64_t r = int_value(a) ^ int_value(b);
    if (a->ob_type == &Bool_Type && b->ob_type == &Bool_Type) return new_bool(r);
    return new_int(r);
}
static Object* int_neg(Object* a) {
    if (int_is_big(a) || int_value(a) == INT64_MIN) return int_big_negate(a);
    return new_int(-int_value(a));
}
static Object* int_index(Object* a);
static Object* int_pos(Object* a) { return int_index(a); }
static Object* int_invert(Object* a) { return int_is_big(a) ? int_big_invert(a) : new_int(~int_value(a)); }
static Object* int_abs(Object* a) {
    if (int_is_big(a)) return int_big_absolute(a);
    int64_t v = int_value(a);
    if (v == INT64_MIN) return int_big_absolute(a);
    return new_int(v < 0 ? -v : v);
}
static int int_bool(Object* a) { return int_is_big(a) || int_value(a) != 0; }
// int(x) / x.__index__() of an int subclass instance gives an exact int.
static Object* int_index(Object* a) {
    if (a->ob_type == &Int_Type) return newref(a);
    return int_is_big(a) ? new_int_from_big(int_to_big(a)) : new_int(int_value(a));
}
static Object* int_float(Object* a) {
    double d;
    if (!int_as_double(a, &d)) return nullptr;
    return new_float(d);
}

static Object* int_richcompare(Object* a, Object* b, int op) {
    CHECK_BOTH_INT(a, b);
    int64_t x = int_value(a), y = int_value(b);
    if (int_is_big(a) || int_is_big(b)) {
        x = int_big_compare(a, b);
        y = 0;
    }
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

// int(x=0) / int(str, base): minimal; the built-ins engineer extends parsing.
Object* int_from_string(std::string_view s, int base);
static Object* int_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
    Object* a[2] = {nullptr, nullptr};
    if (!parse_args("int", args, nargs, kwnames, {"x", "base"}, 0, a, 1)) return nullptr;
    if (!a[0]) return new_int(0);
    Object* x = a[0];
    if (a[1]) {
        bool ok;
        int64_t base = as_index(a[1], &ok);
        if (!ok) return nullptr;
        if (!is_str(x)) return raise(&TypeError_Type, "int() can't convert non-string with explicit base");
        return int_from_string(str_value(x), static_cast<int>(base));
    }
    if (is_int(x)) return int_index(x);
    if (is_float(x)) {
        double d = float_value(x);
        if (std::isnan(d)) return raise(&ValueError_Type, "cannot convert float NaN to integer");
        if (std::isinf(d)) return raise(&OverflowError_Type, "cannot convert float infinity to integer");
        if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) return new_int_from_big(fmt::BigInt::from_double(d));
        return new_int(static_cast<int64_t>(d));
    }
    if (is_str(x)) return int_from_string(str_value(x), 10);
    if (x->ob_type->nb_int) return x->ob_type->nb_int(x);
    if (x->ob_type->nb_index) return x->ob_type->nb_index(x);
    return raise_format(&TypeError_Type,
                        "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                        type_name(x));
}

static Object* bool_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
    if (!no_kwargs("bool", kwnames) || !check_nargs("bool", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return new_bool(false);
    int t = object_is_true(args[0]);
    if (t < 0) return nullptr;
    return new_bool(t);
}

void init_int_types() {
    Type* t = &Int_Type;
    t->tp_name = "int";
    t->tp_basicsize = sizeof(IntObject);
    t->tp_flags = TPF_BASETYPE | TPF_INT_SUBCLASS;
    t->tp_base = &Object_Type;
    t->tp_dealloc = int_dealloc;
    t->tp_repr = int_repr;
    t->tp_hash = int_hash;
    t->tp_richcompare = int_richcompare;
    t->tp_new = int_new;
    t->nb_binary[0] = int_add;
    t->nb_binary[1] = int_and;
    t->nb_binary[2] = int_floordiv;
    t->nb_binary[3] = int_lshift;
    t->nb_binary[5] = int_mul;
    t->nb_binary[6] = int_mod;
    t->nb_binary[7] = int_or;
    t->nb_binary[8] = int_pow;
    t->nb_binary[9] = int_rshift;
    t->nb_binary[10] = int_sub;
    t->nb_binary[11] = int_truediv;
    t->nb_binary[12] = int_xor;
    t->nb_negative = int_neg;
    t->nb_positive = int_pos;
    t->nb_invert = int_invert;
    t->nb_absolute = int_abs;
    t->nb_bool = int_bool;
    t->nb_index = int_index;
    t->nb_int = int_index;
    t->nb_float = int_float;

    Type* b = &Bool_Type;
    *static_cast<Type*>(b) = *t;
    b->tp_methods.clear();
    b->tp_name = "bool";
    b->tp_flags = TPF_INT_SUBCLASS;
    b->tp_base = &Int_Type;
    b->tp_repr = bool_repr;
    b->tp_new = bool_new;

    init_static_int(&True_Object, &Bool_Type, 1);
    init_static_int(&False_Object, &Bool_Type, 0);
    for (int64_t i = kSmallMin; i <= kSmallMax; i++) init_static_int(&g_small_ints[i - kSmallMin], &Int_Type, i);
}

}  // namespace ys::vm
