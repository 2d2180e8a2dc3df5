#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_util.h"
#include "vm/format_float.h"

namespace ys::fmt {
namespace {

struct ReprCase {
  uint64_t bits;
  std::string_view expected;
};
const ReprCase kRepr[] = {
#include "cases_repr.inc"
};

TEST(FloatRepr, MatchesPythonTable) {
  int failures = 0;
  for (const ReprCase& c : kRepr) {
    const double v = test::from_bits(c.bits);
    const std::string got = float_repr(v);
    if (got != c.expected && ++failures <= 20) {
      ADD_FAILURE() << "repr(" << c.expected << ") bits=0x" << std::hex << c.bits << " got " << got;
    }
    EXPECT_EQ(float_str(v), got);
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kRepr) << " cases";
  EXPECT_GT(std::size(kRepr), 5000u);
}

TEST(FloatRepr, LayoutRules) {
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(float_repr(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(float_repr(std::nan("")), "nan");
  EXPECT_EQ(float_repr(-std::nan("")), "nan");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
}

TEST(DoubleToString, FlagsAndCodes) {
  EXPECT_EQ(double_to_string(0.125, 'f', 2), "0.12");
  EXPECT_EQ(double_to_string(2.675, 'f', 2), "2.67");
  EXPECT_EQ(double_to_string(1e22, 'f', 6), "10000000000000000000000.000000");
  EXPECT_EQ(double_to_string(1.0, 'e', 0, kDtsfAlt), "1.e+00");
  EXPECT_EQ(double_to_string(1.5, 'g', 6, kDtsfSign), "+1.5");
  EXPECT_EQ(double_to_string(-0.001, 'f', 1, kDtsfNoNeg0), "0.0");
  EXPECT_EQ(double_to_string(std::numeric_limits<double>::infinity(), 'F', 2), "INF");
  EXPECT_EQ(double_to_string(1e-10, 'G', 3), "1E-10");
}

}  // namespace
}  // namespace ys::fmt

namespace ys::fmt {
namespace {

struct DivmodCase {
  uint64_t x;
  uint64_t y;
  std::string_view floordiv;
  std::string_view mod;
};
const DivmodCase kDivmod[] = {
#include "cases_divmod.inc"
};

TEST(FloatDivmod, MatchesPythonTable) {
  int failures = 0;
  for (const DivmodCase& c : kDivmod) {
    double q = 0, m = 0;
    float_divmod(test::from_bits(c.x), test::from_bits(c.y), &q, &m);
    if ((float_repr(q) != c.floordiv || float_repr(m) != c.mod) && ++failures <= 30) {
      ADD_FAILURE() << "divmod(" << float_repr(test::from_bits(c.x)) << ", " << float_repr(test::from_bits(c.y))
                    << "): want " << c.floordiv << " " << c.mod << " got " << float_repr(q) << " " << float_repr(m);
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kDivmod) << " cases";
}

}  // namespace
}  // namespace ys::fmt
