#include "vm/format_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "vm/format_float.h"

namespace ys::fmt {

// ---------------------------------------------------------------- UTF-8 ----

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(c);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

namespace {


std::string utf8_encode_all(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out += utf8_encode(c);
  return out;
}

std::string repeat(char32_t c, int64_t n) {
  std::string out;
  if (n <= 0) return out;
  const std::string one = utf8_encode(c);
  out.reserve(one.size() * static_cast<std::size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += one;
  return out;
}

std::string hex_of(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(c));
  return buf;
}

// '%c' for printable ASCII, else '\x..' as CPython does in these messages.
std::string code_text(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  return "\\x" + hex_of(c);
}


FormatResult value_error(std::string msg) { return FormatResult::failure("ValueError", std::move(msg)); }

bool too_long(const FormatSpec& f) { return f.width > kMaxFormatLength || f.precision > kMaxFormatLength; }

FormatResult memory_error() { return FormatResult::failure("MemoryError", ""); }

}  // namespace

std::string utf8_encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

std::size_t utf8_length(std::string_view s) { return utf8_decode(s).size(); }

std::string utf8_prefix(std::string_view s, std::size_t n) {
  std::u32string d = utf8_decode(s);
  if (d.size() <= n) return std::string(s);
  return utf8_encode_all(std::u32string_view(d).substr(0, n));
}

// ---------------------------------------------------------------- parse ----

std::optional<FormatError> parse_format_spec(std::string_view spec_utf8, SpecTarget target,
                                             std::string_view type_name, FormatSpec* out) {
  const std::u32string spec = utf8_decode(spec_utf8);
  const char32_t default_type = target == SpecTarget::Str ? U's' : target == SpecTarget::Int ? U'd' : 0;
  const char32_t default_align = target == SpecTarget::Str ? U'<' : U'>';
  auto err = [](std::string m) { return FormatError{"ValueError", std::move(m)}; };
  auto is_align = [](char32_t c) { return c == U'<' || c == U'>' || c == U'=' || c == U'^'; };

  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  std::size_t pos = 0;
  const std::size_t end = spec.size();
  bool fill_specified = false;

  if (end - pos >= 2 && is_align(spec[pos + 1])) {
    f.align = spec[pos + 1];
    f.fill = spec[pos];
    fill_specified = true;
    f.align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(spec[pos])) {
    f.align = spec[pos];
    f.align_specified = true;
    ++pos;
  }
  if (pos < end && (spec[pos] == U' ' || spec[pos] == U'+' || spec[pos] == U'-')) {
    f.sign = spec[pos];
    ++pos;
  }
  if (pos < end && spec[pos] == U'z') {
    f.no_neg_0 = true;
    ++pos;
  }
  if (pos < end && spec[pos] == U'#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && pos < end && spec[pos] == U'0') {
    f.fill = U'0';
    if (!f.align_specified && default_align == U'>') f.align = U'=';
    ++pos;
  }
  // get_integer: returns digits consumed or -1 on overflow.
  auto get_integer = [&](int64_t* result) -> int {
    int64_t acc = 0;
    int n = 0;
    while (pos < end && spec[pos] >= U'0' && spec[pos] <= U'9') {
      const int64_t d = spec[pos] - U'0';
      if (acc > (std::numeric_limits<int64_t>::max() - d) / 10) return -1;
      acc = acc * 10 + d;
      ++pos;
      ++n;
    }
    *result = acc;
    return n;
  };
  int consumed = get_integer(&f.width);
  if (consumed < 0) return err("Too many decimal digits in format string");
  if (consumed == 0) f.width = -1;

  if (pos < end && spec[pos] == U',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == U'_') {
    if (f.grouping) return err("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == U',' && f.grouping == '_') return err("Cannot specify both ',' and '_'.");

  if (pos < end && spec[pos] == U'.') {
    ++pos;
    consumed = get_integer(&f.precision);
    if (consumed < 0) return err("Too many decimal digits in format string");
    if (consumed == 0) return err("Format specifier missing precision");
  }
  if (end - pos > 1) {
    return err("Invalid format specifier '" + std::string(spec_utf8) + "' for object of type '" +
               std::string(type_name) + "'");
  }
  if (end - pos == 1) f.type = spec[pos];

  if (f.grouping) {
    switch (f.type) {
      case U'd': case U'e': case U'f': case U'g': case U'E': case U'G': case U'%': case U'F': case 0:
        break;
      case U'b': case U'o': case U'x': case U'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default:
        return err(std::string("Cannot specify '") + f.grouping + "' with '" + code_text(f.type) + "'.");
    }
  }
  *out = f;
  return std::nullopt;
}

// -------------------------------------------------------------- numbers ----

namespace {

// _PyUnicode_InsertThousandsGrouping: groups `digits` every `group` digits
// (0: no grouping) and left-pads with '0' to reach min_width, placing
// separators among the padding zeros as well.
std::string insert_grouping(std::string_view digits, int64_t min_width, int group, char sep) {
  min_width = std::max<int64_t>(0, min_width);
  const int64_t sep_len = group ? 1 : 0;
  std::vector<std::string> pieces;  // right to left
  int64_t remaining = static_cast<int64_t>(digits.size());
  int64_t digits_pos = remaining;
  bool use_separator = false;
  bool loop_broken = false;
  auto emit = [&](int64_t len) {
    const int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    std::string piece(static_cast<std::size_t>(n_zeros), '0');
    digits_pos -= n_chars;
    piece.append(digits.substr(static_cast<std::size_t>(digits_pos), static_cast<std::size_t>(n_chars)));
    if (use_separator) piece.push_back(sep);
    pieces.push_back(std::move(piece));
    remaining -= n_chars;
  };
  if (group > 0) {
    while (true) {
      const int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      emit(len);
      use_separator = true;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= sep_len;
    }
  }
  if (!loop_broken) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::string out;
  for (std::size_t i = pieces.size(); i-- > 0;) out += pieces[i];
  return out;
}

// calc_number_widths + fill_number.  `digits` is the integer part (may be
// empty for inf/nan and 'c'), `rest` is everything after it (decimal point
// included, exponent, '%', or the 'c' character).
std::string render_number(const FormatSpec& f, char sign_char, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group, char sep) {
  std::string sign;
  if (f.sign == U'+') sign = sign_char == '-' ? "-" : "+";
  else if (f.sign == U' ') sign = sign_char == '-' ? "-" : " ";
  else if (sign_char == '-') sign = "-";

  const int64_t rest_len = static_cast<int64_t>(utf8_length(rest));
  const int64_t n_non_digit = static_cast<int64_t>(sign.size() + prefix.size()) + rest_len;
  int64_t min_width = 0;
  if (f.fill == U'0' && f.align == U'=') min_width = f.width - n_non_digit;
  std::string grouped;
  if (!digits.empty()) grouped = insert_grouping(digits, min_width, group, sep);
  const int64_t n_padding = f.width - (n_non_digit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case U'<': rpad = n_padding; break;
      case U'^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case U'=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string out = repeat(f.fill, lpad);
  out += sign;
  out += prefix;
  out += repeat(f.fill, spad);
  out += grouped;
  out += rest;
  out += repeat(f.fill, rpad);
  return out;
}

int group_size(const FormatSpec& f) {
  if (!f.grouping) return 0;
  if (f.grouping == '_' && (f.type == U'b' || f.type == U'o' || f.type == U'x' || f.type == U'X')) return 4;
  return 3;
}

FormatResult unknown_type(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code '" + code_text(type) + "' for object of type '" +
                     std::string(type_name) + "'");
}

}  // namespace

// -------------------------------------------------------------- strings ----

FormatResult apply_str_spec(std::string_view value, const FormatSpec& f) {
  if (f.sign == U' ') return value_error("Space not allowed in string format specifier");
  if (f.sign) return value_error("Sign not allowed in string format specifier");
  if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
  if (f.align == U'=') return value_error("'=' alignment not allowed in string format specifier");
  if (f.width > kMaxFormatLength) return memory_error();
  std::u32string s = utf8_decode(value);
  int64_t len = static_cast<int64_t>(s.size());
  std::string body(value);
  if (f.precision >= 0 && len > f.precision) {
    len = f.precision;
    body = utf8_encode_all(std::u32string_view(s).substr(0, static_cast<std::size_t>(len)));
  }
  const int64_t total = std::max<int64_t>(len, f.width);
  int64_t lpad = 0;
  if (f.align == U'>') lpad = total - len;
  else if (f.align == U'^') lpad = (total - len) / 2;
  const int64_t rpad = total - len - lpad;
  return FormatResult::success(repeat(f.fill, lpad) + body + repeat(f.fill, rpad));
}

FormatResult format_str(std::string_view value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return FormatResult::success(std::string(value));
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Str, type_name, &f)) return FormatResult{{}, e};
  if (f.type != U's') return unknown_type(f.type, type_name);
  return apply_str_spec(value, f);
}

// ----------------------------------------------------------------- ints ----

FormatResult apply_int_spec(const BigInt& value, const FormatSpec& f, std::string_view type_name) {
  switch (f.type) {
    case U'b': case U'c': case U'd': case U'o': case U'x': case U'X': case U'n':
      break;
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'%': {
      std::optional<double> d = value.to_double();
      if (!d) return FormatResult::failure("OverflowError", "int too large to convert to float");
      return apply_float_spec(*d, f);
    }
    default:
      return unknown_type(f.type, type_name);
  }
  if (f.precision != -1) return value_error("Precision not allowed in integer format specifier");
  if (f.no_neg_0) return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type == U'c') {
    if (f.sign) return value_error("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    if (!value.fits_int64())
      return FormatResult::failure("OverflowError", "Python int too large to convert to C long");
    const int64_t x = value.to_int64();
    if (x < 0 || x > 0x10ffff) return FormatResult::failure("OverflowError", "%c arg not in range(0x110000)");
    return FormatResult::success(render_number(f, 0, "", "", utf8_encode(static_cast<char32_t>(x)), 0, 0));
  }
  if (f.width > kMaxFormatLength) return memory_error();
  if ((f.type == U'd' || f.type == U'n') && value.exceeds_str_digits())
    return value_error(int_max_str_digits_message());
  int base = 10;
  const char* prefix = "";
  switch (f.type) {
    case U'b': base = 2; prefix = "0b"; break;
    case U'o': base = 8; prefix = "0o"; break;
    case U'x': base = 16; prefix = "0x"; break;
    case U'X': base = 16; prefix = "0X"; break;
    default: break;
  }
  std::string digits = value.abs().to_string(base);
  if (f.type == U'X') {
    for (char& c : digits) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
  }
  const char sign_char = value.is_negative() ? '-' : 0;
  const std::string_view pre = f.alternate ? std::string_view(prefix) : std::string_view();
  // 'n' uses the current locale, which is "C" in the VM: no grouping.
  const int group = f.type == U'n' ? 0 : group_size(f);
  return FormatResult::success(render_number(f, sign_char, pre, digits, "", group, f.grouping));
}

FormatResult format_int(const BigInt& value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) {
    if (value.exceeds_str_digits()) return value_error(int_max_str_digits_message());
    return FormatResult::success(value.to_string());
  }
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Int, type_name, &f)) return FormatResult{{}, e};
  return apply_int_spec(value, f, type_name);
}

FormatResult format_int(int64_t value, std::string_view spec, std::string_view type_name) {
  return format_int(BigInt(value), spec, type_name);
}

FormatResult format_int_digits(std::string_view decimal, std::string_view spec, std::string_view type_name) {
  // Digits of an existing int: no int(text) digit limit applies here.
  std::optional<BigInt> v = BigInt::from_string(decimal, 10);
  if (!v) return value_error("invalid literal for int() with base 10: '" + std::string(decimal) + "'");
  return format_int(*v, spec, type_name);
}

// --------------------------------------------------------------- floats ----

FormatResult apply_float_spec(double val, const FormatSpec& f) {
  if (f.precision > std::numeric_limits<int>::max()) return value_error("precision too big");
  if (too_long(f)) return memory_error();
  int precision = static_cast<int>(f.precision);
  int default_precision = 6;
  unsigned flags = 0;
  if (f.alternate) flags |= kDtsfAlt;
  if (f.no_neg_0) flags |= kDtsfNoNeg0;
  char type = static_cast<char>(f.type);
  if (f.type == 0) {
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string buf = double_to_string(val, type, precision, flags);
  if (add_pct) buf.push_back('%');

  char sign_char = 0;
  std::string_view s(buf);
  if (!s.empty() && s.front() == '-') {
    sign_char = '-';
    s.remove_prefix(1);
  }
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  const int group = f.type == U'n' ? 0 : group_size(f);
  return FormatResult::success(render_number(f, sign_char, "", s.substr(0, n), s.substr(n), group, f.grouping));
}

FormatResult format_float(double value, std::string_view spec, std::string_view type_name) {
  if (spec.empty()) return FormatResult::success(float_repr(value));
  FormatSpec f;
  if (auto e = parse_format_spec(spec, SpecTarget::Float, type_name, &f)) return FormatResult{{}, e};
  switch (f.type) {
    case 0: case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'n': case U'%':
      return apply_float_spec(value, f);
    default:
      return unknown_type(f.type, type_name);
  }
}

// ----------------------------------------------------------- str.format ----

FormatTemplateIterator::FormatTemplateIterator(std::string_view template_utf8)
    : text_(utf8_decode(template_utf8)) {}

bool FormatTemplateIterator::next(TemplateChunk* chunk, std::optional<FormatError>* error) {
  *chunk = TemplateChunk{};
  error->reset();
  const std::size_t end = text_.size();
  if (pos_ >= end) return false;
  auto fail = [&](const char* msg) {
    *error = FormatError{"ValueError", msg};
    pos_ = end;
    return true;
  };
  const std::size_t start = pos_;
  char32_t c = 0;
  bool markup_follows = false;
  while (pos_ < end) {
    c = text_[pos_++];
    if (c == U'{' || c == U'}') {
      markup_follows = true;
      break;
    }
  }
  const bool at_end = pos_ >= end;
  std::size_t len = pos_ - start;
  if (c == U'}' && (at_end || c != text_[pos_])) return fail("Single '}' encountered in format string");
  if (at_end && c == U'{') return fail("Single '{' encountered in format string");
  if (!at_end) {
    if (c == text_[pos_]) {
      ++pos_;  // escaped "{{" or "}}"
      markup_follows = false;
    } else {
      --len;
    }
  }
  chunk->literal = utf8_encode_all(std::u32string_view(text_).substr(start, len));
  if (!markup_follows) return true;

  // parse_field
  chunk->has_field = true;
  const std::size_t name_start = pos_;
  c = 0;
  while (pos_ < end) {
    c = text_[pos_++];
    if (c == U'{') return fail("unexpected '{' in field name");
    if (c == U'[') {
      while (pos_ < end && text_[pos_] != U']') ++pos_;
      continue;
    }
    if (c == U'}' || c == U':' || c == U'!') break;
  }
  chunk->field_name = utf8_encode_all(std::u32string_view(text_).substr(name_start, pos_ - 1 - name_start));
  if (c == U'!' || c == U':') {
    if (c == U'!') {
      if (pos_ >= end) return fail("end of string while looking for conversion specifier");
      chunk->conversion = text_[pos_++];
      if (pos_ < end) {
        const char32_t c2 = text_[pos_++];
        if (c2 == U'}') return true;
        if (c2 != U':') return fail("expected ':' after conversion specifier");
      }
    }
    const std::size_t spec_start = pos_;
    int count = 1;
    while (pos_ < end) {
      const char32_t c2 = text_[pos_++];
      if (c2 == U'{') {
        chunk->spec_needs_expanding = true;
        ++count;
      } else if (c2 == U'}') {
        if (--count == 0) {
          chunk->format_spec =
              utf8_encode_all(std::u32string_view(text_).substr(spec_start, pos_ - 1 - spec_start));
          return true;
        }
      }
    }
    return fail("unmatched '{' in format spec");
  }
  if (c != U'}') return fail("expected '}' before end of string");
  return true;
}

namespace {

// get_integer of unicode_format.h: -1 when not all decimal digits (or empty).
std::optional<FormatError> field_integer(std::u32string_view s, int64_t* out) {
  *out = -1;
  if (s.empty()) return std::nullopt;
  int64_t acc = 0;
  for (char32_t c : s) {
    if (c < U'0' || c > U'9') return std::nullopt;
    const int64_t d = c - U'0';
    if (acc > (std::numeric_limits<int64_t>::max() - d) / 10)
      return FormatError{"ValueError", "Too many decimal digits in format string"};
    acc = acc * 10 + d;
  }
  *out = acc;
  return std::nullopt;
}

}  // namespace

std::optional<FormatError> split_field_name(std::string_view field_name, AutoNumber* auto_number, FieldName* out) {
  *out = FieldName{};
  const std::u32string s = utf8_decode(field_name);
  std::size_t i = 0;
  while (i < s.size() && s[i] != U'[' && s[i] != U'.') ++i;
  const std::u32string_view first = std::u32string_view(s).substr(0, i);
  out->first = utf8_encode_all(first);
  if (auto e = field_integer(first, &out->first_index)) return e;
  const bool empty = first.empty();
  const bool numeric = empty || out->first_index != -1;
  if (auto_number) {
    if (auto_number->state == AutoNumber::State::Init && numeric)
      auto_number->state = empty ? AutoNumber::State::Auto : AutoNumber::State::Manual;
    if (numeric) {
      if (auto_number->state == AutoNumber::State::Manual && empty)
        return FormatError{"ValueError", "cannot switch from manual field specification to automatic field numbering"};
      if (auto_number->state == AutoNumber::State::Auto && !empty)
        return FormatError{"ValueError", "cannot switch from automatic field numbering to manual field specification"};
    }
    if (empty) out->first_index = auto_number->next_index++;
  }
  // The rest: ".attr" and "[key]" parts.
  while (i < s.size()) {
    FieldNamePart part;
    const char32_t c = s[i++];
    std::size_t name_start = i;
    if (c == U'.') {
      part.is_attribute = true;
      while (i < s.size() && s[i] != U'.' && s[i] != U'[') ++i;
      part.name = utf8_encode_all(std::u32string_view(s).substr(name_start, i - name_start));
      if (i == name_start) {
        out->rest_error = FormatError{"ValueError", "Empty attribute in format string"};
        return std::nullopt;
      }
    } else if (c == U'[') {
      while (i < s.size() && s[i] != U']') ++i;
      if (i >= s.size()) {
        out->rest_error = FormatError{"ValueError", "Missing ']' in format string"};
        return std::nullopt;
      }
      const std::u32string_view key = std::u32string_view(s).substr(name_start, i - name_start);
      ++i;  // past ']'
      part.name = utf8_encode_all(key);
      if (auto e = field_integer(key, &part.index)) {
        out->rest_error = e;
        return std::nullopt;
      }
      if (key.empty()) {
        out->rest_error = FormatError{"ValueError", "Empty attribute in format string"};
        return std::nullopt;
      }
    } else {
      out->rest_error = FormatError{"ValueError", "Only '.' or '[' may follow ']' in format field specifier"};
      return std::nullopt;
    }
    out->rest.push_back(std::move(part));
  }
  return std::nullopt;
}

FormatError conversion_error(char32_t conversion) {
  if (conversion > 32 && conversion < 127)
    return {"ValueError", std::string("Unknown conversion specifier ") + static_cast<char>(conversion)};
  return {"ValueError", "Unknown conversion specifier \\x" + hex_of(conversion)};
}

}  // namespace ys::fmt
