#include "vm/format_percent.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "vm/format_float.h"
#include "vm/format_spec.h"

namespace ys::fmt {
namespace {

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += utf8_encode(c);
  return out;
}

// unicode_format_arg_output.  `str` is the converted text; `numeric` is
// CPython's arg->sign (set for the int and float conversions).
std::string output(std::string_view str_utf8, const PercentSpec& spec, bool numeric) {
  const std::u32string str = utf8_decode(str_utf8);
  int64_t len = static_cast<int64_t>(str.size());
  int64_t width = spec.width;
  const int64_t prec = spec.precision;
  if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && !(spec.plus || spec.space)) {
    return std::string(str_utf8);
  }
  const char32_t t = spec.type;
  if ((t == U's' || t == U'r' || t == U'a') && prec >= 0 && len > prec) len = prec;

  const char32_t fill = (numeric && spec.zero) ? U'0' : U' ';
  std::size_t pindex = 0;
  char32_t signchar = 0;
  bool sign = numeric;
  if (sign) {
    const char32_t ch = str.empty() ? 0 : str[0];
    if (ch == U'-' || ch == U'+') {
      signchar = ch;
      --len;
      ++pindex;
    } else if (spec.plus) {
      signchar = U'+';
    } else if (spec.space) {
      signchar = U' ';
    } else {
      sign = false;
    }
  }
  if (width < len) width = len;
  std::u32string out;
  if (sign) {
    if (fill != U' ') out.push_back(signchar);
    if (width > len) --width;
  }
  const bool alt_prefix = spec.alt && (t == U'x' || t == U'X' || t == U'o');
  if (alt_prefix) {
    if (fill != U' ') {
      out.push_back(U'0');
      out.push_back(t);
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !spec.left) {
    out.append(static_cast<std::size_t>(width - len), fill);
    width = len;
  }
  if (fill == U' ') {
    if (sign) out.push_back(signchar);
    if (alt_prefix) {
      out.push_back(U'0');
      out.push_back(t);
      pindex += 2;
    }
  }
  if (len > 0) out.append(str, pindex, static_cast<std::size_t>(len));
  if (width > len) out.append(static_cast<std::size_t>(width - len), U' ');
  return encode(out);
}

}  // namespace

std::vector<PercentSegment> parse_percent_format(std::string_view format_utf8) {
  const std::u32string f = utf8_decode(format_utf8);
  const std::size_t n = f.size();
  std::vector<PercentSegment> segs;
  auto literal = [&](std::u32string_view text) {
    if (text.empty()) return;
    if (!segs.empty() && segs.back().kind == PercentSegment::Kind::Literal) {
      segs.back().text += encode(text);
    } else {
      PercentSegment s;
      s.kind = PercentSegment::Kind::Literal;
      s.text = encode(text);
      segs.push_back(std::move(s));
    }
  };
  auto fail = [&](PercentSpec spec, const char* msg) {
    PercentSegment s;
    s.kind = PercentSegment::Kind::Error;
    s.spec = std::move(spec);
    s.error = FormatError{"ValueError", msg};
    segs.push_back(std::move(s));
    return segs;
  };

  std::size_t i = 0;
  while (i < n) {
    if (f[i] != U'%') {
      const std::size_t start = i;
      while (i < n && f[i] != U'%') ++i;
      literal(std::u32string_view(f).substr(start, i - start));
      continue;
    }
    ++i;  // past '%'
    if (i < n && f[i] == U'%') {
      literal(U"%");
      ++i;
      continue;
    }
    PercentSpec spec;
    if (i < n && f[i] == U'(') {
      spec.has_key = true;
      int pcount = 1;
      const std::size_t keystart = ++i;
      while (pcount > 0 && i < n) {
        if (f[i] == U')') --pcount;
        else if (f[i] == U'(') ++pcount;
        ++i;
      }
      if (pcount > 0) {
        spec.key_complete = false;
        return fail(spec, "incomplete format key");
      }
      spec.key = encode(std::u32string_view(f).substr(keystart, i - 1 - keystart));
    }
    // Flags.
    for (; i < n; ++i) {
      const char32_t c = f[i];
      if (c == U'-') spec.left = true;
      else if (c == U'+') spec.plus = true;
      else if (c == U' ') spec.space = true;
      else if (c == U'#') spec.alt = true;
      else if (c == U'0') spec.zero = true;
      else break;
    }
    // Width.
    if (i < n && f[i] == U'*') {
      spec.width_star = true;
      ++i;
    } else if (i < n && f[i] >= U'0' && f[i] <= U'9') {
      int64_t w = 0;
      while (i < n && f[i] >= U'0' && f[i] <= U'9') {
        const int64_t d = f[i] - U'0';
        if (w > (std::numeric_limits<int64_t>::max() - d) / 10) return fail(spec, "width too big");
        w = w * 10 + d;
        ++i;
      }
      spec.width = w;
    }
    // Precision.
    if (i < n && f[i] == U'.') {
      spec.precision = 0;
      ++i;
      if (i < n && f[i] == U'*') {
        spec.prec_star = true;
        ++i;
      } else if (i < n && f[i] >= U'0' && f[i] <= U'9') {
        int64_t p = 0;
        while (i < n && f[i] >= U'0' && f[i] <= U'9') {
          const int64_t d = f[i] - U'0';
          if (p > (std::numeric_limits<int>::max() - d) / 10) return fail(spec, "precision too big");
          p = p * 10 + d;
          ++i;
        }
        spec.precision = p;
      }
    }
    if (i < n && (f[i] == U'h' || f[i] == U'l' || f[i] == U'L')) ++i;
    if (i >= n) return fail(spec, "incomplete format");
    spec.type = f[i];
    spec.type_index = i;
    ++i;
    PercentSegment s;
    s.kind = PercentSegment::Kind::Conversion;
    s.spec = std::move(spec);
    segs.push_back(std::move(s));
  }
  return segs;
}

PercentKind percent_kind(char32_t type) {
  switch (type) {
    case U's': case U'r': case U'a': return PercentKind::Text;
    case U'd': case U'i': case U'u': case U'o': case U'x': case U'X': return PercentKind::Int;
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': return PercentKind::Float;
    case U'c': return PercentKind::Char;
    default: return PercentKind::Unsupported;
  }
}

std::optional<FormatError> apply_star_width(PercentSpec& spec, const BigInt& value) {
  if (!value.fits_int64())
    return FormatError{"OverflowError", "Python int too large to convert to C ssize_t"};
  int64_t w = value.to_int64();
  if (w == std::numeric_limits<int64_t>::min())
    return FormatError{"OverflowError", "Python int too large to convert to C ssize_t"};
  if (w < 0) {
    spec.left = true;
    w = -w;
  }
  spec.width = w;
  return std::nullopt;
}

std::optional<FormatError> apply_star_precision(PercentSpec& spec, const BigInt& value) {
  if (!value.fits_int64() || value.to_int64() > std::numeric_limits<int>::max() ||
      value.to_int64() < std::numeric_limits<int>::min())
    return FormatError{"OverflowError", "Python int too large to convert to C int"};
  const int64_t p = value.to_int64();
  spec.precision = p < 0 ? 0 : p;
  return std::nullopt;
}

namespace {
bool too_long(const PercentSpec& spec) {
  return spec.width > kMaxFormatLength || spec.precision > kMaxFormatLength;
}
}  // namespace

FormatResult percent_format_int(const BigInt& value, const PercentSpec& spec) {
  if (too_long(spec)) return FormatResult::failure("MemoryError", "");
  // _PyUnicode_FormatLong
  const char32_t t = spec.type;
  const int base = (t == U'o') ? 8 : (t == U'x' || t == U'X') ? 16 : 10;
  if (base == 10 && value.exceeds_str_digits())
    return FormatResult::failure("ValueError", int_max_str_digits_message());
  std::string digits = value.abs().to_string(base);
  const bool neg = value.is_negative();
  if (spec.precision > static_cast<int64_t>(digits.size()))
    digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
  std::string s;
  if (neg) s.push_back('-');
  if (spec.alt && base != 10) {
    s.push_back('0');
    s.push_back(base == 8 ? 'o' : 'x');
  }
  s += digits;
  if (t == U'X') {
    for (char& c : s) c = static_cast<char>((c >= 'a' && c <= 'x') ? c - 'a' + 'A' : c);
  }
  return FormatResult::success(output(s, spec, true));
}

FormatResult percent_format_float(double value, const PercentSpec& spec) {
  if (too_long(spec)) return FormatResult::failure("MemoryError", "");
  const int prec = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  const std::string s = double_to_string(value, static_cast<char>(spec.type), prec, spec.alt ? kDtsfAlt : 0u);
  return FormatResult::success(output(s, spec, true));
}

FormatResult percent_format_char(char32_t code_point, const PercentSpec& spec) {
  if (too_long(spec)) return FormatResult::failure("MemoryError", "");
  return FormatResult::success(output(utf8_encode(code_point), spec, false));
}

FormatResult percent_format_text(std::string_view text, const PercentSpec& spec) {
  if (spec.width > kMaxFormatLength) return FormatResult::failure("MemoryError", "");
  return FormatResult::success(output(text, spec, false));
}

std::variant<char32_t, FormatError> percent_char_from_int(const BigInt& value) {
  if (!value.fits_int64() || value.to_int64() < 0 || value.to_int64() > 0x10ffff)
    return FormatError{"OverflowError", "%c arg not in range(0x110000)"};
  return static_cast<char32_t>(value.to_int64());
}

FormatError percent_type_error(char32_t type, std::string_view type_name) {
  const std::string tn(type_name);
  switch (type) {
    case U'o': case U'x': case U'X':
      return {"TypeError", std::string("%") + static_cast<char>(type) + " format: an integer is required, not " + tn};
    case U'd': case U'i': case U'u':
      return {"TypeError", std::string("%") + static_cast<char>(type) + " format: a real number is required, not " + tn};
    case U'c':
      return {"TypeError", "%c requires int or char"};
    default:
      return {"TypeError", "must be real number, not " + tn};
  }
}

FormatError percent_unsupported_error(const PercentSpec& spec) {
  const char32_t c = spec.type;
  char buf[128];
  std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                (c >= 31 && c <= 126) ? static_cast<char>(c) : '?', static_cast<unsigned>(c), spec.type_index);
  return {"ValueError", buf};
}

// ----------------------------------------------------- reference driver ----

PercentArg PercentArg::from_int(const BigInt& v) {
  PercentArg a;
  a.type = Type::Int;
  a.int_value = v;
  a.str = a.repr = a.ascii = v.to_string();
  a.type_name = "int";
  return a;
}

PercentArg PercentArg::from_bool(bool v) {
  PercentArg a;
  a.type = Type::Bool;
  a.int_value = BigInt(v ? 1 : 0);
  a.str = a.repr = a.ascii = v ? "True" : "False";
  a.type_name = "bool";
  return a;
}

PercentArg PercentArg::from_float(double v) {
  PercentArg a;
  a.type = Type::Float;
  a.float_value = v;
  a.str = a.repr = a.ascii = float_repr(v);
  a.type_name = "float";
  return a;
}

PercentArg PercentArg::from_str(std::string s) {
  std::string r = str_repr(s);
  PercentArg a = from_str(std::move(s), std::move(r));
  a.ascii = str_ascii(a.str);
  return a;
}

PercentArg PercentArg::from_str(std::string s, std::string repr_text) {
  PercentArg a;
  a.type = Type::Str;
  a.str = std::move(s);
  a.repr = std::move(repr_text);
  a.ascii = a.repr;
  a.type_name = "str";
  return a;
}

FormatResult percent_format(std::string_view format, const PercentArgs& args) {
  using Shape = PercentArgs::Shape;
  const std::vector<PercentSegment> segs = parse_percent_format(format);
  const PercentArg* single = nullptr;
  int64_t arglen = -1, argidx = -2;
  if (args.shape == Shape::Tuple) {
    arglen = static_cast<int64_t>(args.items.size());
    argidx = 0;
  } else if (args.shape == Shape::Single) {
    single = &args.items.at(0);
  } else {
    single = &args.mapping_self;
  }
  const bool is_dict = args.shape == Shape::Mapping;
  auto fail = [](const FormatError& e) { return FormatResult{std::string(), e}; };
  auto next_arg = [&]() -> const PercentArg* {
    if (argidx < arglen) {
      ++argidx;
      return arglen < 0 ? single : &args.items[static_cast<std::size_t>(argidx - 1)];
    }
    return nullptr;
  };
  const FormatError not_enough{"TypeError", "not enough arguments for format string"};
  std::string out;
  for (const PercentSegment& seg : segs) {
    if (seg.kind == PercentSegment::Kind::Literal) {
      out += seg.text;
      continue;
    }
    PercentSpec spec = seg.spec;
    if (spec.has_key) {
      if (!is_dict) return fail({"TypeError", "format requires a mapping"});
      if (!spec.key_complete) return fail(seg.error);
      const PercentArg* found = nullptr;
      for (const auto& kv : args.mapping)
        if (kv.first == spec.key) found = &kv.second;
      if (!found) return fail({"KeyError", "'" + spec.key + "'"});
      single = found;
      arglen = -1;
      argidx = -2;
    }
    for (int star = 0; star < 2; ++star) {
      if (star == 0 ? !spec.width_star : !spec.prec_star) continue;
      const PercentArg* v = next_arg();
      if (!v) return fail(not_enough);
      if (v->type != PercentArg::Type::Int && v->type != PercentArg::Type::Bool)
        return fail({"TypeError", "* wants int"});
      auto e = star == 0 ? apply_star_width(spec, v->int_value) : apply_star_precision(spec, v->int_value);
      if (e) return fail(*e);
    }
    if (seg.kind == PercentSegment::Kind::Error) return fail(seg.error);
    const PercentArg* v = next_arg();
    if (!v) return fail(not_enough);
    const bool is_int = v->type == PercentArg::Type::Int || v->type == PercentArg::Type::Bool;
    switch (percent_kind(spec.type)) {
      case PercentKind::Text: {
        if (is_int && v->int_value.exceeds_str_digits())  // str()/repr() of the int
          return FormatResult::failure("ValueError", int_max_str_digits_message());
        FormatResult r =
            percent_format_text(spec.type == U's' ? v->str : spec.type == U'r' ? v->repr : v->ascii, spec);
        if (!r.ok()) return r;
        out += r.text;
        break;
      }
      case PercentKind::Int: {
        BigInt iv;
        if (is_int) {
          iv = v->int_value;
        } else if (v->type == PercentArg::Type::Float && spec.type != U'o' && spec.type != U'x' && spec.type != U'X') {
          if (std::isinf(v->float_value))
            return fail({"OverflowError", "cannot convert float infinity to integer"});
          if (std::isnan(v->float_value)) return fail({"ValueError", "cannot convert float NaN to integer"});
          iv = BigInt::from_double(v->float_value);
        } else {
          return fail(percent_type_error(spec.type, v->type_name));
        }
        FormatResult r = percent_format_int(iv, spec);
        if (!r.ok()) return r;
        out += r.text;
        break;
      }
      case PercentKind::Float: {
        double d;
        if (v->type == PercentArg::Type::Float) {
          d = v->float_value;
        } else if (is_int) {
          auto od = v->int_value.to_double();
          if (!od) return fail({"OverflowError", "int too large to convert to float"});
          d = *od;
        } else {
          return fail(percent_type_error(spec.type, v->type_name));
        }
        FormatResult r = percent_format_float(d, spec);
        if (!r.ok()) return r;
        out += r.text;
        break;
      }
      case PercentKind::Char: {
        char32_t cp;
        if (v->type == PercentArg::Type::Str) {
          std::u32string s = utf8_decode(v->str);
          if (s.size() != 1) return fail(percent_type_error(U'c', v->type_name));
          cp = s[0];
        } else if (is_int) {
          auto r = percent_char_from_int(v->int_value);
          if (auto* e = std::get_if<FormatError>(&r)) return fail(*e);
          cp = std::get<char32_t>(r);
        } else {
          return fail(percent_type_error(U'c', v->type_name));
        }
        FormatResult r = percent_format_char(cp, spec);
        if (!r.ok()) return r;
        out += r.text;
        break;
      }
      case PercentKind::Unsupported:
        return fail(percent_unsupported_error(spec));
    }
  }
  if (argidx < arglen && !is_dict)
    return fail({"TypeError", "not all arguments converted during string formatting"});
  return FormatResult::success(std::move(out));
}

}  // namespace ys::fmt
