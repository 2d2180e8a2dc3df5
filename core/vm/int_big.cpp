// ints past 64 bits. int.cpp keeps every operation on plain int64 values and comes
// here only when an operand is already big or the 64-bit result would overflow, so
// the common case never touches a BigInt.
#include "vm/int_big.h"

#include <cmath>

#include "vm/format_int.h"
#include "vm/runtime.h"

namespace ys::vm {

using fmt::BigInt;

namespace {

// A result past this many bits is refused with MemoryError rather than computed:
// the schoolbook BigInt would take minutes, and no program in class needs it.
constexpr uint64_t kMaxResultBits = uint64_t{1} << 24;

Object* too_big() { return raise_no_memory(); }

uint64_t bit_length(const BigInt& v) { return v.bit_length(); }

Object* big_pow(const BigInt& base, const BigInt& exp) {
    if (exp.is_negative()) {
        if (base.is_zero()) return raise(&ZeroDivisionError_Type, "0.0 cannot be raised to a negative power");
        double b = 0, e = 0;
        auto bd = base.to_double(), ed = exp.to_double();
        if (!bd || !ed) return raise(&OverflowError_Type, "int too large to convert to float");
        b = *bd;
        e = *ed;
        return new_float(std::pow(b, e));
    }
    // |base| <= 1 stays small whatever the exponent.
    if (base.is_zero() || base == BigInt(1)) return new_int_from_big(exp.is_zero() ? BigInt(1) : base);
    if (base == BigInt(-1)) {
        const bool odd = !(exp & BigInt(1)).is_zero();
        return new_int(odd ? -1 : 1);
    }
    if (!exp.fits_int64()) return too_big();
    const uint64_t e = static_cast<uint64_t>(exp.to_int64());
    if (bit_length(base) > 0 && (bit_length(base) - 1) * e > kMaxResultBits) return too_big();
    return new_int_from_big(BigInt::pow(base, e));
}

Object* big_shift(const BigInt& x, const BigInt& count, bool left) {
    if (count.is_negative()) return raise(&ValueError_Type, "negative shift count");
    if (x.is_zero()) return new_int(0);
    if (!count.fits_int64()) {
        if (left) return too_big();
        return new_int(x.is_negative() ? -1 : 0);
    }
    const uint64_t c = static_cast<uint64_t>(count.to_int64());
    if (left) {
        if (bit_length(x) + c > kMaxResultBits) return too_big();
        return new_int_from_big(x.shl(c));
    }
    return new_int_from_big(x.shr(c));
}

}  // namespace

Object* new_int_from_big(const BigInt& v) {
    if (v.fits_int64()) return new_int(v.to_int64());
    IntObject* o = alloc<IntObject>(&Int_Type);
    if (!o) return nullptr;
    o->value = 0;
    o->big = new BigInt(v);
    return o;
}

BigInt int_to_big(Object* o) {
    auto* i = static_cast<IntObject*>(o);
    return i->big ? *i->big : BigInt(i->value);
}

bool int_as_int64(Object* o, int64_t* out, const char* ctype) {
    if (!int_is_big(o)) {
        *out = int_value(o);
        return true;
    }
    raise_format(&OverflowError_Type, "Python int too large to convert to C %s", ctype);
    return false;
}

bool int_as_double(Object* o, double* out) {
    if (!int_is_big(o)) {
        *out = static_cast<double>(int_value(o));
        return true;
    }
    auto d = static_cast<IntObject*>(o)->big->to_double();
    if (!d) {
        raise(&OverflowError_Type, "int too large to convert to float");
        return false;
    }
    *out = *d;
    return true;
}

bool repeat_count(Object* n, int64_t* out) {
    if (!int_is_big(n)) {
        *out = int_value(n);
        return true;
    }
    *out = 0;
    raise(&OverflowError_Type, "cannot fit 'int' into an index-sized integer");
    return false;
}

void int_big_free(Object* o) {
    auto* i = static_cast<IntObject*>(o);
    delete i->big;
    i->big = nullptr;
}

Object* int_big_repr(Object* o) {
    const BigInt& v = *static_cast<IntObject*>(o)->big;
    if (v.exceeds_str_digits()) return raise(&ValueError_Type, fmt::int_max_str_digits_message().c_str());
    return new_str(v.to_string());
}

intptr_t int_big_hash(Object* o) {
    // CPython: sign(v) * (|v| mod (2**61 - 1)), with -1 reserved for errors.
    const BigInt& v = *static_cast<IntObject*>(o)->big;
    const BigInt modulus = BigInt((int64_t{1} << 61) - 1);
    int64_t h = fmt::mod(v.abs(), modulus).to_int64();
    if (v.is_negative()) h = -h;
    if (h == -1) h = -2;
    return static_cast<intptr_t>(h);
}

int int_big_compare(Object* a, Object* b) {
    const auto c = int_to_big(a) <=> int_to_big(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

Object* int_big_binary(IntBinary op, Object* a, Object* b) {
    const BigInt x = int_to_big(a), y = int_to_big(b);
    switch (op) {
        case IntBinary::Add: return new_int_from_big(x + y);
        case IntBinary::Sub: return new_int_from_big(x - y);
        case IntBinary::Mul:
            if (bit_length(x) + bit_length(y) > kMaxResultBits) return too_big();
            return new_int_from_big(x * y);
        case IntBinary::FloorDiv:
            if (y.is_zero()) return raise(&ZeroDivisionError_Type, "integer division or modulo by zero");
            return new_int_from_big(fmt::floordiv(x, y));
        case IntBinary::Mod:
            if (y.is_zero()) return raise(&ZeroDivisionError_Type, "integer modulo by zero");
            return new_int_from_big(fmt::mod(x, y));
        case IntBinary::TrueDiv: {
            double r = 0;
            std::string type, message;
            if (!BigInt::true_divide(x, y, &r, &type, &message))
                return raise(type == "ZeroDivisionError" ? &ZeroDivisionError_Type : &OverflowError_Type,
                             message.c_str());
            return new_float(r);
        }
        case IntBinary::Pow: return big_pow(x, y);
        case IntBinary::LShift: return big_shift(x, y, true);
        case IntBinary::RShift: return big_shift(x, y, false);
        case IntBinary::And: return new_int_from_big(x & y);
        case IntBinary::Or: return new_int_from_big(x | y);
        case IntBinary::Xor: return new_int_from_big(x ^ y);
    }
    return nullptr;
}

Object* int_big_negate(Object* a) { return new_int_from_big(-int_to_big(a)); }
Object* int_big_absolute(Object* a) { return new_int_from_big(int_to_big(a).abs()); }
Object* int_big_invert(Object* a) { return new_int_from_big(~int_to_big(a)); }

}  // namespace ys::vm
