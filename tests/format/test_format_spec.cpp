#include <gtest/gtest.h>

#include "test_util.h"
#include "vm/format_spec.h"

namespace ys::fmt {
namespace {

struct FloatCase {
  uint64_t bits;
  std::string_view spec;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const FloatCase kFloat[] = {
#include "cases_format_float.inc"
};

struct TextCase {
  std::string_view value;
  std::string_view spec;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const TextCase kInt[] = {
#include "cases_format_int.inc"
};
const TextCase kStr[] = {
#include "cases_format_str.inc"
};

TEST(FormatSpec, FloatMatchesPythonTable) {
  int failures = 0;
  for (const FloatCase& c : kFloat) {
    const std::string got = test::describe(format_float(test::from_bits(c.bits), c.spec));
    const std::string want = test::expected(c.ok, c.a, c.b);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "format(bits=0x" << std::hex << c.bits << ", '" << c.spec << "'): want [" << want
                    << "] got [" << got << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kFloat) << " cases";
}

TEST(FormatSpec, IntMatchesPythonTable) {
  int failures = 0;
  for (const TextCase& c : kInt) {
    const std::string want = test::expected(c.ok, c.a, c.b);
    const std::string got = test::describe(format_int_digits(c.value, c.spec));
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "format(" << c.value << ", '" << c.spec << "'): want [" << want << "] got [" << got << "]";
    }
    // The int64 entry point must agree whenever the value fits.
    auto big = BigInt::from_string(c.value.substr(0, 30));
    ASSERT_TRUE(big.has_value()) << c.value;
    if (c.value.size() < 30 && big->fits_int64()) {
      const std::string got64 = test::describe(format_int(big->to_int64(), c.spec));
      if (got64 != want && ++failures <= 30) ADD_FAILURE() << "int64 path: " << c.value << " '" << c.spec << "'";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kInt) << " cases";
}

TEST(FormatSpec, StrMatchesPythonTable) {
  int failures = 0;
  for (const TextCase& c : kStr) {
    const std::string want = test::expected(c.ok, c.a, c.b);
    const std::string got = test::describe(format_str(c.value, c.spec));
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "format('" << c.value << "', '" << c.spec << "'): want [" << want << "] got [" << got << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kStr) << " cases";
}

TEST(FormatSpec, Examples) {
  EXPECT_EQ(format_float(0.125, ".2f").text, "0.12");
  EXPECT_EQ(format_float(2.675, ".2f").text, "2.67");
  EXPECT_EQ(format_float(1234567.891, "020,.2f").text, "0,000,001,234,567.89");
  EXPECT_EQ(format_int(12345, "#012_x").text, "0x0_0000_3039");
  EXPECT_EQ(format_int(1234, "08,").text, "0,001,234");
  EXPECT_EQ(format_str("x", "\xc3\xa9>5").text, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9x");
  EXPECT_EQ(format_int(5, "s", "bool").error->message, "Unknown format code 's' for object of type 'bool'");
  EXPECT_EQ(format_str("x", "99999999999").error->type, "MemoryError");
  EXPECT_EQ(format_float(1.0, ".999999999f").error->type, "MemoryError");
  FormatSpec spec;
  ASSERT_FALSE(parse_format_spec("*^+#012,.3f", SpecTarget::Float, "float", &spec));
  EXPECT_EQ(spec.fill, U'*');
  EXPECT_EQ(spec.align, U'^');
  EXPECT_EQ(spec.sign, U'+');
  EXPECT_TRUE(spec.alternate);
  EXPECT_EQ(spec.width, 12);
  EXPECT_EQ(spec.grouping, ',');
  EXPECT_EQ(spec.precision, 3);
  EXPECT_EQ(spec.type, U'f');
  auto err = parse_format_spec(".", SpecTarget::Float, "float", &spec);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->type, "ValueError");
  EXPECT_EQ(err->message, "Format specifier missing precision");
}

}  // namespace
}  // namespace ys::fmt

namespace ys::fmt {
namespace {

struct FuzzCase {
  char kind;
  std::string_view value;
  std::string_view spec;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const FuzzCase kFuzz[] = {
#include "cases_fuzz_spec.inc"
};

TEST(FormatSpec, RandomSpecsMatchPython) {
  int failures = 0;
  for (const FuzzCase& c : kFuzz) {
    FormatResult r;
    if (c.kind == 'i') r = format_int_digits(c.value, c.spec);
    else if (c.kind == 'f') r = format_float(test::from_bits(std::stoull(std::string(c.value))), c.spec);
    else r = format_str(c.value, c.spec);
    const std::string want = test::expected(c.ok, c.a, c.b);
    const std::string got = test::describe(r);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << c.kind << " format(" << c.value << ", '" << c.spec << "'): want [" << want << "] got [" << got
                    << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kFuzz) << " cases";
}

}  // namespace
}  // namespace ys::fmt

namespace ys::fmt {
namespace {

struct RangeCase {
  char32_t first;
  char32_t last;
};
const RangeCase kNonPrintableRanges[] = {
#include "cases_printable.inc"
};

struct ReprStrCase {
  std::string_view s;
  std::string_view repr;
  std::string_view ascii;
};
const ReprStrCase kStrRepr[] = {
#include "cases_str_repr.inc"
};

TEST(StrRepr, IsPrintableMatchesPythonForEveryCodePoint) {
  std::size_t r = 0;
  int failures = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    while (r < std::size(kNonPrintableRanges) && kNonPrintableRanges[r].last < c) ++r;
    const bool printable = !(r < std::size(kNonPrintableRanges) && kNonPrintableRanges[r].first <= c);
    if (unicode_isprintable(c) != printable && ++failures <= 10) ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(failures, 0);
}

TEST(StrRepr, MatchesPythonTable) {
  int failures = 0;
  for (const ReprStrCase& c : kStrRepr) {
    if ((str_repr(c.s) != c.repr || str_ascii(c.s) != c.ascii) && ++failures <= 20) {
      ADD_FAILURE() << "repr: want " << c.repr << " got " << str_repr(c.s) << " / ascii: want " << c.ascii << " got "
                    << str_ascii(c.s);
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kStrRepr) << " cases";
}

}  // namespace
}  // namespace ys::fmt
