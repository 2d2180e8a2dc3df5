// Integer helpers for the VM's int built-ins: bin/oct/hex text and a small
// arbitrary-precision integer with Python semantics (floor division, modulo
// sign rules, infinite two's complement for bitwise operators and shifts).
// Self-contained: no dependency on the VM's object model.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ys::fmt {

// bin()/oct()/hex()/str() text of an int64: base 2 -> "0b101", 8 -> "0o17",
// 16 -> "-0x1f", 10 -> "-31".  With prefix=false the "0b"/"0o"/"0x" is left out
// (the sign is kept): int_to_string_base(-31, 16, false) == "-1f".
std::string int_to_string_base(int64_t value, int base, bool prefix = true);

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, used by int(str) and
// float(str): in UTF-8 text with non-ASCII characters, every Unicode decimal
// digit (Nd, e.g. U+0663 ARABIC-INDIC DIGIT THREE) becomes its ASCII digit and
// every Unicode space becomes ' '; the first other non-ASCII character becomes
// '?' and ends the text.  ASCII text is returned unchanged.
std::string transform_decimal_and_space_to_ascii(std::string_view utf8);

// sys.get_int_max_str_digits() default: str()/repr()/format()/'%d' of an int
// with more decimal digits, and int(text) with more digits (in a base that is
// not a power of two), raise ValueError.
constexpr int64_t kIntMaxStrDigits = 4300;
// "Exceeds the limit (4300 digits) for integer string conversion; use
// sys.set_int_max_str_digits() to increase the limit"  (str(), format, %d)
std::string int_max_str_digits_message();
// "... for integer string conversion: value has N digits; use ..."  (int(text))
std::string int_max_str_digits_message(int64_t digits);

class BigInt {
 public:
  BigInt() = default;
  BigInt(int64_t v);  // NOLINT: implicit on purpose, BigInt x = 5;

  // int(text, base) for a str: optional surrounding whitespace, optional sign,
  // digits in `base` (2..36, or 0 = from the 0x/0o/0b prefix, else decimal
  // without leading zeros), single underscores between digits (and after a
  // prefix).  A matching prefix is also accepted for base 16/8/2.  nullopt
  // means ValueError "invalid literal for int() with base N: <repr>".
  // Digit limit: with a too_many_digits pointer (what int(text) needs), text
  // with more than kIntMaxStrDigits digits in a base that is not a power of
  // two gives nullopt and *too_many_digits = the digit count (0 otherwise):
  // raise int_max_str_digits_message(count).  Without the pointer there is
  // no limit (for trusted text such as the VM's own literals).
  static std::optional<BigInt> from_string(std::string_view text, int base = 10,
                                           int64_t* too_many_digits = nullptr);
  // Truncates toward zero (int(float)).  Precondition: finite.
  static BigInt from_double(double v);

  // str(); base 2/8/16 with prefix=true gives bin()/oct()/hex() text.  No
  // digit limit here: check exceeds_str_digits() first where Python would.
  std::string to_string(int base = 10, bool prefix = false) const;
  // True when str(self) would raise (more than kIntMaxStrDigits digits).
  bool exceeds_str_digits() const;

  bool is_zero() const { return mag_.empty(); }
  bool is_negative() const { return neg_; }
  int sign() const { return mag_.empty() ? 0 : (neg_ ? -1 : 1); }
  bool fits_int64() const;
  int64_t to_int64() const;  // precondition: fits_int64()
  // Correctly rounded (half-even) like float(int); nullopt when it overflows
  // ("int too large to convert to float").
  std::optional<double> to_double() const;
  // int.bit_length()
  uint64_t bit_length() const;

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator~() const;  // -(x+1)
  // Python shifts; count must be >= 0 (the VM raises "negative shift count").
  BigInt shl(uint64_t count) const;
  BigInt shr(uint64_t count) const;  // floor: -5 >> 1 == -3

  // Python // and %: the remainder takes the divisor's sign.  Both return
  // false (and leave outputs untouched) when the divisor is zero.
  static bool divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder);
  // a ** e for e >= 0.
  static BigInt pow(const BigInt& base, uint64_t exponent);
  // pow(a, e, m) for e >= 0, m != 0; result has the sign of m like Python.
  static BigInt pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus);
  // a / b (int true division), correctly rounded like CPython.  Errors:
  // ZeroDivisionError "division by zero", OverflowError "integer division
  // result too large for a float".  Returns false and sets *error_type /
  // *error_message on error.
  static bool true_divide(const BigInt& a, const BigInt& b, double* result, std::string* error_type,
                          std::string* error_message);
  // round(x, ndigits) for ints (ndigits < 0 rounds to tens, hundreds...,
  // ties to even); ndigits >= 0 returns x.
  static BigInt round(const BigInt& x, int64_t ndigits);

  friend bool operator==(const BigInt& a, const BigInt& b) = default;
  friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);

 private:
  bool neg_ = false;
  std::vector<uint32_t> mag_;  // little-endian base 2^32, no leading zero limbs

  void trim();
  static BigInt bitwise(const BigInt& a, const BigInt& b, int op);  // 0 &, 1 |, 2 ^
};

BigInt floordiv(const BigInt& a, const BigInt& b);  // precondition: b != 0
BigInt mod(const BigInt& a, const BigInt& b);       // precondition: b != 0

}  // namespace ys::fmt
