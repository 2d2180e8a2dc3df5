#include <gtest/gtest.h>

#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

#include "test_util.h"
#include "vm/format_percent.h"

namespace ys::fmt {
namespace {

struct PercentCase {
  std::string_view fmt;
  char shape;  // 'T' tuple, 'S' single object, 'M' mapping
  std::string_view items;
  std::string_view mapping;
  std::string_view self;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const PercentCase kPercent[] = {
#include "cases_percent.inc"
};

const PercentCase kFuzzPercent[] = {
#include "cases_fuzz_percent.inc"
};

int run_table(const PercentCase* table, std::size_t n) {
  int failures = 0;
  for (const PercentCase& c : std::span(table, n)) {
    PercentArgs args;
    args.shape = c.shape == 'T' ? PercentArgs::Shape::Tuple
                 : c.shape == 'S' ? PercentArgs::Shape::Single
                                  : PercentArgs::Shape::Mapping;
    for (const std::string& item : test::split(c.items, '\x1f')) args.items.push_back(test::decode_arg(item));
    for (const std::string& kv : test::split(c.mapping, '\x1f')) {
      const std::size_t g = kv.find('\x1d');
      args.mapping.emplace_back(kv.substr(0, g), test::decode_arg(kv.substr(g + 1)));
    }
    if (!c.self.empty()) args.mapping_self = test::decode_arg(c.self);
    const std::string want = test::expected(c.ok, c.a, c.b);
    const std::string got = test::describe(percent_format(c.fmt, args));
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "'" << c.fmt << "' % [" << c.items << "]: want [" << want << "] got [" << got << "]";
    }
  }
  return failures;
}

TEST(Percent, MatchesPythonTable) {
  EXPECT_EQ(run_table(kPercent, std::size(kPercent)), 0) << "of " << std::size(kPercent) << " cases";
}

TEST(Percent, RandomFormatsMatchPython) {
  EXPECT_EQ(run_table(kFuzzPercent, std::size(kFuzzPercent)), 0) << "of " << std::size(kFuzzPercent) << " cases";
}

TEST(Percent, Segments) {
  auto segs = parse_percent_format("a%%b%(k)-+ #012.3lfc%*.*s");
  ASSERT_EQ(segs.size(), 4u);
  EXPECT_EQ(segs[0].kind, PercentSegment::Kind::Literal);
  EXPECT_EQ(segs[0].text, "a%b");
  ASSERT_EQ(segs[1].kind, PercentSegment::Kind::Conversion);
  const PercentSpec& s = segs[1].spec;
  EXPECT_TRUE(s.has_key);
  EXPECT_EQ(s.key, "k");
  EXPECT_TRUE(s.left && s.plus && s.space && s.alt && s.zero);
  EXPECT_EQ(s.width, 12);
  EXPECT_EQ(s.precision, 3);
  EXPECT_EQ(s.type, U'f');
  EXPECT_EQ(s.type_index, 18u);
  EXPECT_EQ(segs[2].text, "c");
  EXPECT_TRUE(segs[3].spec.width_star);
  EXPECT_TRUE(segs[3].spec.prec_star);

  auto bad = parse_percent_format("abc %");
  ASSERT_EQ(bad.back().kind, PercentSegment::Kind::Error);
  EXPECT_EQ(bad.back().error.message, "incomplete format");
}

TEST(Percent, Helpers) {
  PercentSpec spec;
  spec.type = U'f';
  spec.width = 5;
  spec.precision = 2;
  EXPECT_EQ(percent_format_float(3.14159, spec).text, " 3.14");
  spec.width = int64_t{1} << 40;
  EXPECT_EQ(percent_format_float(3.14159, spec).error->type, "MemoryError");
  spec = PercentSpec{};
  spec.type = U'd';
  spec.left = true;
  spec.width = 5;
  EXPECT_EQ(percent_format_int(BigInt(3), spec).text + "|", "3    |");
  spec = PercentSpec{};
  spec.type = U'x';
  EXPECT_EQ(percent_format_int(BigInt(255), spec).text, "ff");
  spec.type = U'y';
  spec.type_index = 3;
  EXPECT_EQ(percent_unsupported_error(spec).message, "unsupported format character 'y' (0x79) at index 3");
  EXPECT_EQ(percent_type_error(U'd', "str").message, "%d format: a real number is required, not str");
  PercentArgs args;
  args.items.push_back(PercentArg::from_str("it's \xc3\xa9"));
  args.items.push_back(args.items.back());
  args.items.push_back(PercentArg::from_int(BigInt(255)));
  args.items.push_back(PercentArg::from_float(2.675));
  EXPECT_EQ(test::describe(percent_format("%r %a|%#06x|%.2f", args)), "ok:\"it's \xc3\xa9\" \"it's \\xe9\"|0x00ff|2.67");
}

}  // namespace
}  // namespace ys::fmt
