#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

#include "test_util.h"
#include "vm/format_float.h"
#include "vm/format_int.h"

namespace ys::fmt {
namespace {

struct BigCase {
  std::string_view op;
  std::string_view a;
  std::string_view b;
  bool ok;
  std::string_view result;
  std::string_view message;
};
const BigCase kBig[] = {
#include "cases_bigint.inc"
};

struct BaseCase {
  int64_t value;
  std::string_view bin;
  std::string_view oct;
  std::string_view hex;
};
const BaseCase kBase[] = {
#include "cases_int_base.inc"
};

std::string run(const BigCase& c) {
  const std::string op(c.op);
  if (op == "from_float") {
    return BigInt::from_double(test::from_bits(std::strtoull(std::string(c.a).c_str(), nullptr, 10))).to_string();
  }
  const BigInt a = *BigInt::from_string(c.a);
  const BigInt b = *BigInt::from_string(c.b);
  if (op == "+") return (a + b).to_string();
  if (op == "-") return (a - b).to_string();
  if (op == "*") return (a * b).to_string();
  if (op == "//" || op == "%") {
    BigInt q, r;
    if (!BigInt::divmod(a, b, &q, &r)) return "ZeroDivisionError";
    return (op == "//" ? q : r).to_string();
  }
  if (op == "&") return (a & b).to_string();
  if (op == "|") return (a | b).to_string();
  if (op == "^") return (a ^ b).to_string();
  if (op == "cmp") {
    auto o = a <=> b;
    return o < 0 ? "-1" : o > 0 ? "1" : "0";
  }
  if (op == "<<") return a.shl(static_cast<uint64_t>(b.to_int64())).to_string();
  if (op == ">>") return a.shr(static_cast<uint64_t>(b.to_int64())).to_string();
  if (op == "**") return BigInt::pow(a, static_cast<uint64_t>(b.to_int64())).to_string();
  if (op == "powmod") return BigInt::pow_mod(a, BigInt(65537), b).to_string();
  if (op == "truediv") {
    double d = 0;
    std::string type, message;
    if (!BigInt::true_divide(a, b, &d, &type, &message)) return type;
    return float_repr(d);
  }
  if (op == "round") return BigInt::round(a, b.to_int64()).to_string();
  if (op == "~") return (~a).to_string();
  if (op == "neg") return (-a).to_string();
  if (op == "abs") return a.abs().to_string();
  if (op == "str2") return a.to_string(2);
  if (op == "str8") return a.to_string(8);
  if (op == "str16") return a.to_string(16);
  if (op == "hex") return a.to_string(16, true);
  if (op == "bin") return a.to_string(2, true);
  if (op == "oct") return a.to_string(8, true);
  if (op == "bitlen") return std::to_string(a.bit_length());
  if (op == "int64") {
    if (!a.fits_int64()) return "0";
    return BigInt(a.to_int64()) == a ? "1" : "bad";
  }
  if (op == "float") {
    auto d = a.to_double();
    if (!d) return "OverflowError";
    return float_repr(*d);
  }
  return "unknown op " + op;
}

TEST(BigInt, MatchesPythonTable) {
  int failures = 0;
  for (const BigCase& c : kBig) {
    // Errors are recorded as their exception type name, which run() returns too.
    const std::string want(c.result);
    const std::string got = run(c);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << c.a << " " << c.op << " " << c.b << ": want " << want << " got " << got;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kBig) << " cases";
}

struct RoundCase {
  uint64_t bits;
  int64_t ndigits;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const RoundCase kRound[] = {
#include "cases_round.inc"
};

TEST(FloatRound, MatchesPythonTable) {
  int failures = 0;
  for (const RoundCase& c : kRound) {
    const double x = test::from_bits(c.bits);
    std::string got;
    if (c.ndigits == INT64_MIN) {
      if (std::isinf(x)) got = "OverflowError: cannot convert float infinity to integer";
      else if (std::isnan(x)) got = "ValueError: cannot convert float NaN to integer";
      else got = "ok:" + BigInt::from_double(float_round_half_even(x)).to_string();
    } else {
      auto r = float_round(x, c.ndigits);
      got = r ? "ok:" + float_repr(*r) : "OverflowError: rounded value too large to represent";
    }
    const std::string want = test::expected(c.ok, c.a, c.b);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "round(" << float_repr(x) << ", " << c.ndigits << "): want [" << want << "] got [" << got
                    << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kRound) << " cases";
}

TEST(BigInt, IntToStringBase) {
  for (const BaseCase& c : kBase) {
    EXPECT_EQ(int_to_string_base(c.value, 2), c.bin);
    EXPECT_EQ(int_to_string_base(c.value, 8), c.oct);
    EXPECT_EQ(int_to_string_base(c.value, 16), c.hex);
    EXPECT_EQ(BigInt(c.value).to_string(16, true), c.hex);
  }
  EXPECT_EQ(int_to_string_base(5, 2), "0b101");
  EXPECT_EQ(int_to_string_base(-31, 16), "-0x1f");
  EXPECT_EQ(int_to_string_base(-31, 16, false), "-1f");
}

TEST(BigInt, Parsing) {
  EXPECT_EQ(BigInt::from_string(" -1_000 ")->to_string(), "-1000");
  EXPECT_EQ(BigInt::from_string("ff", 16)->to_string(), "255");
  EXPECT_FALSE(BigInt::from_string("1__0"));
  EXPECT_FALSE(BigInt::from_string("_1"));
  EXPECT_FALSE(BigInt::from_string("1_"));
  EXPECT_FALSE(BigInt::from_string(""));
  EXPECT_FALSE(BigInt::from_string("12a"));
  EXPECT_TRUE(BigInt(std::numeric_limits<int64_t>::min()).fits_int64());
  EXPECT_EQ(BigInt(std::numeric_limits<int64_t>::min()).to_int64(), std::numeric_limits<int64_t>::min());
  BigInt q;
  EXPECT_FALSE(BigInt::divmod(BigInt(1), BigInt(0), &q, nullptr));
}

}  // namespace
}  // namespace ys::fmt

namespace ys::fmt {
namespace {

struct ParseCase {
  std::string_view text;
  int base;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const ParseCase kParse[] = {
#include "cases_parse.inc"
};

TEST(Parse, FloatAndIntLiteralsMatchPython) {
  int failures = 0;
  for (const ParseCase& c : kParse) {
    // Only the outcome kind and value are compared; the VM builds the message
    // from repr(text).
    std::string got;
    if (c.base < 0) {
      auto v = parse_float_literal(c.text);
      got = v ? "ok:" + float_repr(*v) : "ValueError";
    } else {
      int64_t too_many = 0;
      auto v = BigInt::from_string(c.text, c.base, &too_many);
      if (v) got = "ok:" + v->to_string();
      else if (too_many) got = "ValueError: " + int_max_str_digits_message(too_many);
      else got = "ValueError";
    }
    std::string want = c.ok ? "ok:" + std::string(c.a) : std::string(c.a);
    if (!c.ok && c.b.starts_with("Exceeds the limit")) want += ": " + std::string(c.b);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << (c.base < 0 ? "float(" : "int(") << c.text << ", " << c.base << "): want [" << want
                    << "] got [" << got << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kParse) << " cases";
}

}  // namespace
}  // namespace ys::fmt
