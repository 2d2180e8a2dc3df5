// Float -> text conversions that match CPython 3.11 byte for byte.
//
// CPython formats every float through PyOS_double_to_string (Python/pystrtod.c),
// which asks David Gay's correctly rounded dtoa for a digit string and then lays
// the digits out.  We get the same digit strings from std::to_chars (shortest
// round-trip for repr, exact correctly rounded digits when given a precision) and
// re-implement the layout rules here.  Self-contained: plain doubles and strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ys::fmt {

// Flags for double_to_string, same meaning as CPython's Py_DTSF_* flags.
enum DtsfFlags : unsigned {
  kDtsfSign = 1u,       // always emit a sign ('+' for non-negatives)
  kDtsfAddDot0 = 2u,    // "1" -> "1.0" when there is neither a '.' nor an exponent
  kDtsfAlt = 4u,        // '#' alternate form: keep trailing zeros / lone '.'
  kDtsfNoNeg0 = 8u,     // 'z' option: a result that rounds to zero loses its '-'
};

// PyOS_double_to_string.  format_code is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r'.
// For 'r' (repr: shortest round-trip digits) precision must be 0 and is ignored.
// For 'g'/'G' a precision of 0 means 1.  Uppercase codes give "E", "INF", "NAN".
std::string double_to_string(double value, char format_code, int precision,
                             unsigned flags = 0);

// repr(float) / str(float): '1.0', '0.1', '1e+16', '1e-05', 'inf', '-0.0', 'nan'.
std::string float_repr(double value);
std::string float_str(double value);

// float(text) for a str argument: surrounding whitespace, sign, digits with
// single underscores between them, optional fraction and exponent, or
// inf/infinity/nan in any case.  Out-of-range values give +-inf or +-0.0 like
// Python.  nullopt means ValueError "could not convert string to float: <repr>".
std::optional<double> parse_float_literal(std::string_view text);

// divmod(x, y) for floats exactly as CPython's float_divmod (so also x // y
// and x % y): the remainder takes y's sign, the quotient is snapped to an
// integral value.  Precondition: y != 0 (the VM raises ZeroDivisionError
// "float divmod()" / "float floor division by zero" / "float modulo").
void float_divmod(double x, double y, double* floordiv, double* mod);

// round(x, ndigits) for a float, exactly like CPython (correctly rounded,
// half-even on the exact binary value: round(2.675, 2) == 2.67,
// round(0.5) == 0 via float_round_half_even).  inf/nan come back unchanged.
// Returns nullopt when the result overflows: OverflowError
// "rounded value too large to represent".
std::optional<double> float_round(double x, int64_t ndigits);
// round(x) with no ndigits, before conversion to int: nearest integer, ties to
// even.  The caller raises for inf ("cannot convert float infinity to integer")
// and nan ("cannot convert float NaN to integer") and converts with
// BigInt::from_double.
double float_round_half_even(double x);

}  // namespace ys::fmt
