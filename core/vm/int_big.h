// The arbitrary-precision side of int (int_big.cpp): what int.cpp calls when an
// operand does not fit in 64 bits or a 64-bit result would overflow.
#pragma once

#include <cstdint>

#include "vm/objects.h"

namespace ys::vm {

enum class IntBinary { Add, Sub, Mul, FloorDiv, Mod, TrueDiv, Pow, LShift, RShift, And, Or, Xor };

// Both operands are ints (either may be big); the result in CPython's semantics.
Object* int_big_binary(IntBinary op, Object* a, Object* b);
Object* int_big_negate(Object* a);
Object* int_big_absolute(Object* a);
Object* int_big_invert(Object* a);
// Only for big ints:
Object* int_big_repr(Object* o);
intptr_t int_big_hash(Object* o);
void int_big_free(Object* o);
// -1, 0, 1 for a < b, a == b, a > b; either may be big.
int int_big_compare(Object* a, Object* b);

}  // namespace ys::vm
