// str.format templates: a reference driver over plain values, checked against
// python3.  It is also a model for the VM's str.format.
#include <gtest/gtest.h>

#include <map>

#include "test_util.h"
#include "vm/format_spec.h"

namespace ys::fmt {
namespace {

struct TemplateCase {
  std::string_view tmpl;
  std::string_view args;
  std::string_view kwargs;
  bool ok;
  std::string_view a;
  std::string_view b;
};
const TemplateCase kTemplates[] = {
#include "cases_template.inc"
};

using Kwargs = std::map<std::string, PercentArg, std::less<>>;

FormatResult format_value(const PercentArg& v, std::string_view spec) {
  switch (v.type) {
    case PercentArg::Type::Int: return format_int(v.int_value, spec, "int");
    case PercentArg::Type::Bool:
      return spec.empty() ? FormatResult::success(v.str) : format_int(v.int_value, spec, "bool");
    case PercentArg::Type::Float: return format_float(v.float_value, spec);
    case PercentArg::Type::Str: return format_str(v.str, spec);
    case PercentArg::Type::Other:
      if (spec.empty()) return FormatResult::success(v.str);
      return FormatResult::failure("TypeError", "unsupported format string passed to " + v.type_name + ".__format__");
  }
  return FormatResult::failure("Driver", "unreachable");
}

FormatResult build(std::string_view tmpl, const std::vector<PercentArg>& args, const Kwargs& kwargs, int depth,
                   AutoNumber* an) {
  if (depth <= 0) return FormatResult::failure("ValueError", "Max string recursion exceeded");
  FormatTemplateIterator it(tmpl);
  TemplateChunk chunk;
  std::optional<FormatError> err;
  std::string out;
  while (it.next(&chunk, &err)) {
    if (err) return FormatResult{{}, err};
    out += chunk.literal;
    if (!chunk.has_field) continue;
    FieldName fn;
    if (auto e = split_field_name(chunk.field_name, an, &fn)) return FormatResult{{}, e};
    const PercentArg* obj = nullptr;
    if (fn.first_index < 0) {
      auto found = kwargs.find(fn.first);
      if (found == kwargs.end()) return FormatResult::failure("KeyError", "'" + fn.first + "'");
      obj = &found->second;
    } else {
      if (fn.first_index >= static_cast<int64_t>(args.size()))
        return FormatResult::failure("IndexError", "Replacement index " + std::to_string(fn.first_index) +
                                                       " out of range for positional args tuple");
      obj = &args[static_cast<std::size_t>(fn.first_index)];
    }
    if (!fn.rest.empty()) return FormatResult::failure("Driver", "attribute/item lookups are not modelled");
    if (fn.rest_error) return FormatResult{{}, fn.rest_error};
    PercentArg value = *obj;
    if (chunk.conversion) {
      switch (chunk.conversion) {
        case U's': value = PercentArg::from_str(obj->str, ""); break;
        case U'r': value = PercentArg::from_str(obj->repr, ""); break;
        case U'a': value = PercentArg::from_str(obj->ascii, ""); break;
        default: return FormatResult{{}, conversion_error(chunk.conversion)};
      }
    }
    std::string spec = chunk.format_spec;
    if (chunk.spec_needs_expanding) {
      FormatResult r = build(spec, args, kwargs, depth - 1, an);
      if (!r.ok()) return r;
      spec = r.text;
    }
    FormatResult r = format_value(value, spec);
    if (!r.ok()) return r;
    out += r.text;
  }
  if (err) return FormatResult{{}, err};
  return FormatResult::success(std::move(out));
}

TEST(Template, MatchesPythonTable) {
  int failures = 0;
  for (const TemplateCase& c : kTemplates) {
    std::vector<PercentArg> args;
    for (const std::string& item : test::split(c.args, '\x1f')) args.push_back(test::decode_arg(item));
    Kwargs kwargs;
    for (const std::string& kv : test::split(c.kwargs, '\x1f')) {
      const std::size_t g = kv.find('\x1d');
      kwargs.emplace(kv.substr(0, g), test::decode_arg(kv.substr(g + 1)));
    }
    AutoNumber an;
    const std::string got = test::describe(build(c.tmpl, args, kwargs, 2, &an));
    const std::string want = test::expected(c.ok, c.a, c.b);
    if (got != want && ++failures <= 30) {
      ADD_FAILURE() << "'" << c.tmpl << "'.format(...): want [" << want << "] got [" << got << "]";
    }
  }
  EXPECT_EQ(failures, 0) << "of " << std::size(kTemplates) << " cases";
}

TEST(Template, FieldNames) {
  AutoNumber an;
  FieldName fn;
  ASSERT_FALSE(split_field_name("0[key][3].attr", &an, &fn));
  EXPECT_EQ(fn.first_index, 0);
  ASSERT_EQ(fn.rest.size(), 3u);
  EXPECT_FALSE(fn.rest[0].is_attribute);
  EXPECT_EQ(fn.rest[0].name, "key");
  EXPECT_EQ(fn.rest[0].index, -1);
  EXPECT_EQ(fn.rest[1].index, 3);
  EXPECT_TRUE(fn.rest[2].is_attribute);
  EXPECT_EQ(fn.rest[2].name, "attr");
  EXPECT_FALSE(fn.rest_error);
  auto e = split_field_name("", &an, &fn);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "cannot switch from manual field specification to automatic field numbering");
}

}  // namespace
}  // namespace ys::fmt
