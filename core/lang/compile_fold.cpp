// Constant folding on the AST, as CPython 3.11's Python/ast_opt.c does before code
// generation (`-1`, `2**8`, `(1, 2)`, `not True`, `"ab" * 2`), and the Python-level
// comparisons and truth tests the compiler and the CFG optimizer need on constants.
#include <cmath>
#include <cstring>
#include <limits>

#include "lang/compile_unit.h"

namespace ys::compile {

namespace {

constexpr size_t kMaxStrSize = 4096;
constexpr size_t kMaxCollectionSize = 256;
constexpr int kMaxIntBits = 128;

using i128 = __int128;
const i128 kI128Min = -(static_cast<i128>(1) << 126) * 2;

bool is_num(const Constant& c) {
    using K = Constant::Kind;
    return c.kind == K::Int || c.kind == K::BigInt || c.kind == K::Float || c.kind == K::True ||
           c.kind == K::False;
}

// Integers up to 127 bits are folded exactly (CPython folds up to 128-bit results).
std::optional<i128> as_big(const Constant& c) {
    switch (c.kind) {
    case Constant::Kind::True: return 1;
    case Constant::Kind::False: return 0;
    case Constant::Kind::Int: return c.int_value;
    case Constant::Kind::BigInt: {
        const std::string& t = c.text;
        size_t i = 0;
        bool neg = false;
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) neg = t[i++] == '-';
        if (i == t.size()) return std::nullopt;
        i128 v = 0;
        for (; i < t.size(); ++i) {
            if (t[i] < '0' || t[i] > '9') return std::nullopt;
            if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, t[i] - '0', &v)) return std::nullopt;
        }
        return neg ? -v : v;
    }
    default:
        return std::nullopt;
    }
}
bool is_intlike(const Constant& c) { return as_big(c).has_value(); }
int64_t as_int(const Constant& c) {
    auto v = as_big(c);
    if (!v || *v > std::numeric_limits<int64_t>::max() || *v < std::numeric_limits<int64_t>::min()) return 0;
    return static_cast<int64_t>(*v);
}
bool fits_int64(const Constant& c) {
    auto v = as_big(c);
    return v && *v <= std::numeric_limits<int64_t>::max() && *v >= std::numeric_limits<int64_t>::min();
}
double as_float(const Constant& c) {
    if (c.kind == Constant::Kind::Float) return c.float_value;
    auto v = as_big(c);
    return v ? static_cast<double>(*v) : 0.0;
}

Constant make_int(i128 v) {
    if (v <= std::numeric_limits<int64_t>::max() && v >= std::numeric_limits<int64_t>::min()) {
        return int_const(static_cast<int64_t>(v));
    }
    bool neg = v < 0;
    unsigned __int128 m = neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    std::string digits;
    while (m) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
    }
    Constant c;
    c.kind = Constant::Kind::BigInt;
    c.text = (neg ? "-" : "") + digits;
    return c;
}

Constant float_const(double d) {
    Constant c;
    c.kind = Constant::Kind::Float;
    c.float_value = d;
    return c;
}
Constant bool_const(bool b) {
    Constant c;
    c.kind = b ? Constant::Kind::True : Constant::Kind::False;
    return c;
}

i128 floordiv(i128 a, i128 b) {
    i128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
i128 floormod(i128 a, i128 b) {
    i128 m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

int bit_length(i128 v) {
    unsigned __int128 u = v < 0 ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    int n = 0;
    while (u) {
        ++n;
        u >>= 1;
    }
    return n;
}

// ast_opt.c's safe_* limits: results past 128 bits are left to run time.
std::optional<Constant> fold_int_binop(ast::OperatorKind op, i128 a, i128 b) {
    using O = ast::OperatorKind;
    i128 r = 0;
    switch (op) {
    case O::Add:
        if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
        return make_int(r);
    case O::Sub:
        if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
        return make_int(r);
    case O::Mult:
        if (a && b && bit_length(a) + bit_length(b) > kMaxIntBits) return std::nullopt;
        if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
        return make_int(r);
    case O::FloorDiv:
        if (b == 0 || (b == -1 && a == kI128Min)) return std::nullopt;
        return make_int(floordiv(a, b));
    case O::Mod:
        if (b == 0) return std::nullopt;
        if (b == -1) return make_int(0);
        return make_int(floormod(a, b));
    case O::Div:
        if (b == 0) return std::nullopt;
        return float_const(static_cast<double>(a) / static_cast<double>(b));
    case O::Pow: {
        if (b < 0) {
            if (a == 0) return std::nullopt;
            return float_const(std::pow(static_cast<double>(a), static_cast<double>(b)));
        }
        if (a != 0 && b > 0 && bit_length(a) > kMaxIntBits / b) return std::nullopt;
        i128 result = 1;
        for (i128 i = 0; i < b; ++i) {
            if (__builtin_mul_overflow(result, a, &result)) return std::nullopt;
        }
        return make_int(result);
    }
    case O::LShift:
        if (b < 0) return std::nullopt;
        if (a == 0) return make_int(0);
        if (b > kMaxIntBits || bit_length(a) > kMaxIntBits - b) return std::nullopt;
        if (bit_length(a) + b > 126) return std::nullopt;
        return make_int(a * (static_cast<i128>(1) << static_cast<int>(b)));
    case O::RShift:
        if (b < 0) return std::nullopt;
        return make_int(b >= 127 ? (a < 0 ? -1 : 0) : (a >> static_cast<int>(b)));
    case O::BitOr:
        return make_int(a | b);
    case O::BitXor:
        return make_int(a ^ b);
    case O::BitAnd:
        return make_int(a & b);
    case O::MatMult:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Constant> fold_float_binop(ast::OperatorKind op, double a, double b) {
    using O = ast::OperatorKind;
    switch (op) {
    case O::Add: return float_const(a + b);
    case O::Sub: return float_const(a - b);
    case O::Mult: return float_const(a * b);
    case O::Div:
        if (b == 0.0) return std::nullopt;
        return float_const(a / b);
    case O::FloorDiv: {
        if (b == 0.0) return std::nullopt;
        double mod = std::fmod(a, b);
        double div = (a - mod) / b;
        if (mod != 0.0 && ((b < 0) != (mod < 0))) div -= 1.0;
        double floordiv_v = div == 0.0 ? std::copysign(0.0, a / b) : std::floor(div);
        if (div != 0.0 && div - floordiv_v > 0.5) floordiv_v += 1.0;
        return float_const(floordiv_v);
    }
    case O::Mod: {
        if (b == 0.0) return std::nullopt;
        double mod = std::fmod(a, b);
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) mod += b;
        } else {
            mod = std::copysign(0.0, b);
        }
        return float_const(mod);
    }
    case O::Pow: {
        if (a == 0.0 && b < 0) return std::nullopt;
        if (a < 0 && b != std::floor(b)) return std::nullopt;  // complex result
        double r = std::pow(a, b);
        if (std::isinf(r)) return std::nullopt;
        return float_const(r);
    }
    default:
        return std::nullopt;
    }
}

std::optional<Constant> fold_binop(ast::OperatorKind op, const Constant& l, const Constant& r) {
    using K = Constant::Kind;
    using O = ast::OperatorKind;
    if (is_intlike(l) && is_intlike(r)) return fold_int_binop(op, *as_big(l), *as_big(r));
    if (is_num(l) && is_num(r)) {
        return fold_float_binop(op, as_float(l), as_float(r));
    }
    if (l.kind == K::Str && r.kind == K::Str && op == O::Add) {
        Constant c = l;
        c.text += r.text;
        return c;
    }
    if (l.kind == K::Tuple && r.kind == K::Tuple && op == O::Add) {
        Constant c = l;
        c.items.insert(c.items.end(), r.items.begin(), r.items.end());
        return c;
    }
    if (op == O::Mult && ((l.kind == K::Str || l.kind == K::Tuple) && fits_int64(r))) {
        int64_t n = as_int(r);
        if (n < 0) n = 0;
        size_t len = l.kind == K::Str ? l.text.size() : l.items.size();
        size_t limit = l.kind == K::Str ? kMaxStrSize : kMaxCollectionSize;
        if (len && static_cast<uint64_t>(n) > limit / len) return std::nullopt;
        Constant c = l;
        c.text.clear();
        c.items.clear();
        for (int64_t i = 0; i < n; ++i) {
            c.text += l.text;
            c.items.insert(c.items.end(), l.items.begin(), l.items.end());
        }
        return c;
    }
    if (op == O::Mult && fits_int64(l) && (r.kind == K::Str || r.kind == K::Tuple)) {
        return fold_binop(op, r, l);
    }
    if (op == O::Mod && l.kind == K::Str) return std::nullopt;  // not folded in 3.11 for safety
    return std::nullopt;
}

}  // namespace

// Python's == between constants, for set membership: 1 == 1.0 == True.
bool py_equal(const Constant& a, const Constant& b) {
    if (is_num(a) && is_num(b)) {
        auto x = as_big(a), y = as_big(b);
        if (x && y) return *x == *y;
        if (a.kind == Constant::Kind::BigInt || b.kind == Constant::Kind::BigInt) return false;
        return as_float(a) == as_float(b);
    }
    if (a.kind == Constant::Kind::FrozenSet && b.kind == Constant::Kind::FrozenSet) return const_equal(a, b);
    if (a.kind != b.kind) return false;
    if (a.kind == Constant::Kind::Tuple) {
        if (a.items.size() != b.items.size()) return false;
        for (size_t i = 0; i < a.items.size(); ++i)
            if (!py_equal(a.items[i], b.items[i])) return false;
        return true;
    }
    return const_equal(a, b);
}

Constant make_frozenset(const std::vector<Constant>& items) {
    Constant c;
    c.kind = Constant::Kind::FrozenSet;
    for (const auto& item : items) {
        bool seen = false;
        for (const auto& kept : c.items) seen = seen || py_equal(kept, item);
        if (!seen) c.items.push_back(item);
    }
    return c;
}

Constant none_const() { return Constant{}; }

Constant int_const(int64_t v) {
    Constant c;
    c.kind = Constant::Kind::Int;
    c.int_value = v;
    return c;
}

Constant str_const(const std::string& s) {
    Constant c;
    c.kind = Constant::Kind::Str;
    c.text = s;
    return c;
}

bool const_equal(const Constant& a, const Constant& b) {
    using K = Constant::Kind;
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case K::None:
    case K::True:
    case K::False:
    case K::Ellipsis:
        return true;
    case K::Int:
        return a.int_value == b.int_value;
    case K::Float:
        return std::memcmp(&a.float_value, &b.float_value, sizeof(double)) == 0;
    case K::BigInt:
    case K::Str:
        return a.text == b.text;
    case K::Tuple:
        if (a.items.size() != b.items.size()) return false;
        for (size_t i = 0; i < a.items.size(); ++i)
            if (!const_equal(a.items[i], b.items[i])) return false;
        return true;
    case K::FrozenSet:  // set equality: {1, 2} and {2, 1} are one constant
        if (a.items.size() != b.items.size()) return false;
        for (const auto& x : a.items) {
            bool found = false;
            for (const auto& y : b.items) found = found || const_equal(x, y);
            if (!found) return false;
        }
        return true;
    case K::Code:
        return a.code == b.code;
    }
    return false;
}

bool const_truthy(const Constant& c) {
    using K = Constant::Kind;
    switch (c.kind) {
    case K::None:
    case K::False:
        return false;
    case K::True:
    case K::Ellipsis:
    case K::Code:
        return true;
    case K::Int:
        return c.int_value != 0;
    case K::BigInt:
        return c.text != "0";
    case K::Float:
        return c.float_value != 0.0;
    case K::Str:
        return !c.text.empty();
    case K::Tuple:
    case K::FrozenSet:
        return !c.items.empty();
    }
    return true;
}

Constant from_ast_constant(const ast::ConstantValue& v) {
    using AK = ast::ConstantValue::Kind;
    Constant c;
    switch (v.kind) {
    case AK::None: c.kind = Constant::Kind::None; break;
    case AK::True: c.kind = Constant::Kind::True; break;
    case AK::False: c.kind = Constant::Kind::False; break;
    case AK::Ellipsis: c.kind = Constant::Kind::Ellipsis; break;
    case AK::Int:
        c.kind = Constant::Kind::Int;
        c.int_value = v.int_value;
        break;
    case AK::BigInt:
        c.kind = Constant::Kind::BigInt;
        c.text = v.text;
        break;
    case AK::Float:
        c.kind = Constant::Kind::Float;
        c.float_value = v.float_value;
        break;
    case AK::Str:
    case AK::Bytes:
        c.kind = Constant::Kind::Str;
        c.text = v.text;
        break;
    }
    return c;
}

std::optional<Constant> fold(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
    case K::Constant:
        return from_ast_constant(e.constant);
    case K::UnaryOp: {
        auto v = fold(*e.a);
        if (!v) return std::nullopt;
        using U = ast::UnaryOpKind;
        switch (e.unary_op) {
        case U::Not:
            return bool_const(!const_truthy(*v));
        case U::USub:
            if (is_intlike(*v)) {
                i128 x = *as_big(*v);
                if (x == kI128Min) return std::nullopt;
                return make_int(-x);
            }
            if (v->kind == Constant::Kind::Float) return float_const(-v->float_value);
            return std::nullopt;
        case U::UAdd:
            if (is_intlike(*v)) return make_int(*as_big(*v));
            if (v->kind == Constant::Kind::Float) return v;
            return std::nullopt;
        case U::Invert:
            if (is_intlike(*v)) return make_int(~*as_big(*v));
            return std::nullopt;
        }
        return std::nullopt;
    }
    case K::BinOp: {
        auto l = fold(*e.a);
        if (!l) return std::nullopt;
        auto r = fold(*e.b);
        if (!r) return std::nullopt;
        return fold_binop(e.op, *l, *r);
    }
    case K::Tuple: {
        if (e.ctx != ast::ExprContext::Load) return std::nullopt;
        Constant c;
        c.kind = Constant::Kind::Tuple;
        for (const auto& v : e.values) {
            if (v->kind == K::Starred) return std::nullopt;
            auto f = fold(*v);
            if (!f) return std::nullopt;
            c.items.push_back(*f);
        }
        return c;
    }
    case K::Subscript: {
        if (e.ctx != ast::ExprContext::Load) return std::nullopt;
        auto v = fold(*e.a);
        if (!v) return std::nullopt;
        auto idx = fold(*e.b);
        if (!idx || !fits_int64(*idx)) return std::nullopt;
        int64_t i = as_int(*idx);
        if (v->kind == Constant::Kind::Tuple) {
            int64_t n = static_cast<int64_t>(v->items.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) return std::nullopt;
            return v->items[static_cast<size_t>(i)];
        }
        if (v->kind == Constant::Kind::Str) {
            // code points, not bytes
            std::vector<std::string> chars;
            for (size_t p = 0; p < v->text.size();) {
                size_t q = p + 1;
                while (q < v->text.size() && (static_cast<unsigned char>(v->text[q]) & 0xC0) == 0x80) ++q;
                chars.push_back(v->text.substr(p, q - p));
                p = q;
            }
            int64_t n = static_cast<int64_t>(chars.size());
            if (i < 0) i += n;
            if (i < 0 || i >= n) return std::nullopt;
            return str_const(chars[static_cast<size_t>(i)]);
        }
        return std::nullopt;
    }
    case K::Name:
        if (e.id == "__debug__" && e.ctx == ast::ExprContext::Load) return bool_const(true);
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

}  // namespace ys::compile
