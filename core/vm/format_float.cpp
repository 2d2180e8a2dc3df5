#include "vm/format_float.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "vm/format_int.h"

namespace ys::fmt {
namespace {

// A decimal digit string and the position of the decimal point, the way dtoa
// reports it: value = 0.<digits> * 10^decpt.  Trailing zeros are stripped; a
// zero result is digits "0", decpt 1.
struct Digits {
  std::string digits;
  int decpt = 1;
};

// Parses to_chars scientific output "d[.ddd]e[+-]XX" (no sign).
Digits from_scientific(const char* first, const char* last) {
  Digits d;
  const char* p = first;
  while (p != last && *p != 'e') {
    if (*p != '.') d.digits.push_back(*p);
    ++p;
  }
  int exp = 0;
  if (p != last) {
    ++p;  // 'e'
    bool neg = false;
    if (p != last && (*p == '+' || *p == '-')) {
      neg = *p == '-';
      ++p;
    }
    for (; p != last; ++p) exp = exp * 10 + (*p - '0');
    if (neg) exp = -exp;
  }
  d.decpt = exp + 1;
  return d;
}

void normalize(Digits& d) {
  std::size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  if (lead == d.digits.size()) {
    d.digits.assign(1, '0');
    d.decpt = 1;
    return;
  }
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int>(lead);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
}

// mode 0: shortest round trip.  mode 2: `ndigits` significant digits.
// mode 3: `ndigits` digits after the decimal point.  Argument is finite, >= 0.
Digits make_digits(double v, int mode, int ndigits) {
  Digits d;
  if (mode == 0) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    d = from_scientific(buf, r.ptr);
  } else if (mode == 2) {
    if (ndigits < 1) ndigits = 1;
    std::vector<char> buf(static_cast<std::size_t>(ndigits) + 32);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                           std::chars_format::scientific, ndigits - 1);
    d = from_scientific(buf.data(), r.ptr);
  } else {
    std::vector<char> buf(static_cast<std::size_t>(ndigits) + 400);
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                           std::chars_format::fixed, ndigits);
    int intlen = 0;
    for (const char* p = buf.data(); p != r.ptr; ++p) {
      if (*p == '.') break;
      ++intlen;
    }
    for (const char* p = buf.data(); p != r.ptr; ++p)
      if (*p != '.') d.digits.push_back(*p);
    d.decpt = intlen;
  }
  normalize(d);
  return d;
}

}  // namespace

std::string double_to_string(double val, char format_code, int precision, unsigned flags) {
  bool upper = false;
  int mode = 0;
  switch (format_code) {
    case 'E': upper = true; format_code = 'e'; [[fallthrough]];
    case 'e': mode = 2; precision++; break;
    case 'F': upper = true; format_code = 'f'; [[fallthrough]];
    case 'f': mode = 3; break;
    case 'G': upper = true; format_code = 'g'; [[fallthrough]];
    case 'g': mode = 2; if (precision == 0) precision = 1; break;
    case 'r': mode = 0; precision = 0; break;
    default: return std::string();
  }
  const bool always_add_sign = flags & kDtsfSign;
  const bool add_dot_0 = flags & kDtsfAddDot0;
  const bool alt = flags & kDtsfAlt;
  const bool no_neg_0 = flags & kDtsfNoNeg0;

  std::string out;
  bool sign = std::signbit(val);
  if (std::isnan(val) || std::isinf(val)) {
    if (std::isnan(val)) sign = false;  // the sign of a nan is ignored
    if (sign) out.push_back('-');
    else if (always_add_sign) out.push_back('+');
    if (std::isnan(val)) out += upper ? "NAN" : "nan";
    else out += upper ? "INF" : "inf";
    return out;
  }

  Digits dg = make_digits(std::fabs(val), mode, precision);
  const std::string& digits = dg.digits;
  long long decpt = dg.decpt;
  const long long digits_len = static_cast<long long>(digits.size());

  if (no_neg_0 && sign && digits == "0") sign = false;

  long long vdigits_end = digits_len;
  bool use_exp = false;
  switch (format_code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
    default:
      break;
  }
  long long exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const long long vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  else
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
  if (vdigits_end < digits_len) vdigits_end = digits_len;  // defensive

  if (sign) out.push_back('-');
  else if (always_add_sign) out.push_back('+');

  if (decpt <= 0) {
    out.append(static_cast<std::size_t>(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(static_cast<std::size_t>(-decpt), '0');
  } else {
    out.append(static_cast<std::size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, static_cast<std::size_t>(decpt));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<std::size_t>(decpt - digits_len), '0');
    out.push_back('.');
    out.append(static_cast<std::size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<std::size_t>(vdigits_end - digits_len), '0');
  }
  if (!out.empty() && out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.02lld", exp);
    out += buf;
  }
  return out;
}

std::string float_repr(double value) { return double_to_string(value, 'r', 0, kDtsfAddDot0); }

std::string float_str(double value) { return float_repr(value); }

std::optional<double> parse_float_literal(std::string_view original) {
  const std::string ascii = transform_decimal_and_space_to_ascii(original);
  std::string_view text(ascii);
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  bool neg = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    neg = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  auto lower_eq = [&](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != word[i]) return false;
    }
    return true;
  };
  if (lower_eq("inf") || lower_eq("infinity")) return neg ? -HUGE_VAL : HUGE_VAL;
  if (lower_eq("nan")) return neg ? -std::nan("") : std::nan("");
  // Validate the grammar and strip underscores.
  std::string clean;
  std::size_t i = 0;
  auto digitpart = [&]() -> bool {  // digit (['_'] digit)*
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    clean.push_back(text[i++]);
    while (i < text.size()) {
      if (text[i] >= '0' && text[i] <= '9') {
        clean.push_back(text[i++]);
      } else if (text[i] == '_' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
        ++i;
      } else {
        break;
      }
    }
    return true;
  };
  const bool has_int = digitpart();
  const long long int_len = static_cast<long long>(clean.size());
  bool has_frac = false;
  if (i < text.size() && text[i] == '.') {
    clean.push_back('.');
    ++i;
    has_frac = digitpart();
  }
  if (!has_int && !has_frac) return std::nullopt;
  long long exp_value = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    clean.push_back('e');
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean.push_back(text[i++]);
    const std::size_t exp_start = clean.size();
    if (!digitpart()) return std::nullopt;
    for (std::size_t k = exp_start; k < clean.size() && k < exp_start + 12; ++k)
      exp_value = exp_value * 10 + (clean[k] - '0');
    if (clean[exp_start - 1] == '-') exp_value = -exp_value;
  }
  if (i != text.size()) return std::nullopt;
  double v = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (r.ptr != clean.data() + clean.size()) return std::nullopt;
  if (r.ec == std::errc::result_out_of_range) {
    // Decide between overflow and underflow from the decimal magnitude.
    long long first_nonzero = -1;
    long long pos = 0;  // digit index ignoring '.'
    for (char c : clean) {
      if (c == 'e') break;
      if (c == '.') continue;
      if (c != '0' && first_nonzero < 0) first_nonzero = pos;
      ++pos;
    }
    const long long magnitude = first_nonzero < 0 ? -1000000 : int_len - first_nonzero + exp_value;
    v = magnitude > 0 ? HUGE_VAL : 0.0;
  }
  return neg ? -v : v;
}

void float_divmod(double vx, double wx, double* floordiv_out, double* mod_out) {
  double mod = std::fmod(vx, wx);
  // fmod is exact, so vx - mod is mathematically a multiple of wx.
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  *floordiv_out = floordiv;
  *mod_out = mod;
}

double float_round_half_even(double x) {
  double r = std::round(x);  // halfway cases away from zero
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

std::optional<double> float_round(double x, int64_t ndigits) {
  if (!std::isfinite(x)) return x;
  // CPython's NDIGITS_MAX / NDIGITS_MIN.
  const int64_t kMax = static_cast<int64_t>((53 - (-1021)) * 0.30103);
  const int64_t kMin = -static_cast<int64_t>((1024 + 1) * 0.30103);
  if (ndigits > kMax) return x;
  if (ndigits < kMin) return 0.0 * x;
  // Exact decimal expansion: every double has at most 1074 fraction digits.
  std::vector<char> buf(1500);
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(x), std::chars_format::fixed, 1074);
  std::string digits;
  long long point = 0;
  for (const char* p = buf.data(); p != r.ptr; ++p) {
    if (*p == '.') point = static_cast<long long>(digits.size());
    else digits.push_back(*p);
  }
  // Keep digits[0, cut), round half-even on the rest.
  const long long cut = point + ndigits;
  std::string kept;
  bool round_up = false;
  if (cut >= 0) {
    const auto c = static_cast<std::size_t>(std::min<long long>(cut, static_cast<long long>(digits.size())));
    kept = digits.substr(0, c);
    if (c < digits.size()) {
      const char first = digits[c];
      bool rest_nonzero = false;
      for (std::size_t i = c + 1; i < digits.size(); ++i)
        if (digits[i] != '0') rest_nonzero = true;
      const bool last_odd = !kept.empty() && ((kept.back() - '0') & 1);
      round_up = first > '5' || (first == '5' && (rest_nonzero || last_odd));
    }
  }
  if (round_up) {
    std::size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) kept.insert(kept.begin(), '1');
    else ++kept[i - 1];
  }
  if (kept.empty()) kept.assign(1, '0');
  std::string text = kept + "e" + std::to_string(-ndigits);
  double v = 0;
  auto fr = std::from_chars(text.data(), text.data() + text.size(), v);
  if (fr.ec == std::errc::result_out_of_range) {
    // Underflow gives 0 (fine); overflow is an error.
    if (kept.size() > 1 || kept[0] != '0') {
      if (static_cast<long long>(kept.size()) - ndigits > 300) return std::nullopt;
      v = 0;
    }
  }
  if (std::isinf(v)) return std::nullopt;
  return std::signbit(x) ? -v : v;
}

}  // namespace ys::fmt
