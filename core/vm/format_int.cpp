#include "vm/format_int.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ys::fmt {

std::string int_to_string_base(int64_t value, int base, bool prefix) {
  const bool neg = value < 0;
  // Magnitude as unsigned so INT64_MIN works.
  uint64_t mag = neg ? (~static_cast<uint64_t>(value) + 1u) : static_cast<uint64_t>(value);
  char buf[80];
  auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
  std::string out;
  if (neg) out.push_back('-');
  if (prefix) {
    if (base == 2) out += "0b";
    else if (base == 8) out += "0o";
    else if (base == 16) out += "0x";
  }
  out.append(buf, r.ptr);
  return out;
}

namespace {

// First code point (digit zero) of every run of ten Unicode decimal digits
// above ASCII (Unicode 14.0, the database of CPython 3.11).
constexpr char32_t kDigitZeros[] = {
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0};
// Non-ASCII characters for which str.isspace() is true.
constexpr char32_t kSpaces[] = {0x85,   0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
                                0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
                                0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

}  // namespace

std::string transform_decimal_and_space_to_ascii(std::string_view s) {
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (ascii) return std::string(s);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 127) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(len);
    char mapped = '?';
    for (char32_t sp : kSpaces)
      if (cp == sp) mapped = ' ';
    for (char32_t z : kDigitZeros)
      if (cp >= z && cp < z + 10) mapped = static_cast<char>('0' + (cp - z));
    out.push_back(mapped);
    if (mapped == '?') break;
  }
  return out;
}

namespace {

using Mag = std::vector<uint32_t>;

void trim_mag(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

int cmp_mag(const Mag& a, const Mag& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Mag add_mag(const Mag& a, const Mag& b) {
  const Mag& x = a.size() >= b.size() ? a : b;
  const Mag& y = a.size() >= b.size() ? b : a;
  Mag r(x.size() + 1, 0);
  uint64_t carry = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    uint64_t s = static_cast<uint64_t>(x[i]) + (i < y.size() ? y[i] : 0u) + carry;
    r[i] = static_cast<uint32_t>(s);
    carry = s >> 32;
  }
  r[x.size()] = static_cast<uint32_t>(carry);
  trim_mag(r);
  return r;
}

// a - b, requires |a| >= |b|.
Mag sub_mag(const Mag& a, const Mag& b) {
  Mag r(a.size(), 0);
  int64_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    int64_t d = static_cast<int64_t>(a[i]) - (i < b.size() ? static_cast<int64_t>(b[i]) : 0) - borrow;
    borrow = d < 0 ? 1 : 0;
    if (d < 0) d += (int64_t{1} << 32);
    r[i] = static_cast<uint32_t>(d);
  }
  trim_mag(r);
  return r;
}

Mag mul_mag(const Mag& a, const Mag& b) {
  if (a.empty() || b.empty()) return {};
  Mag r(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      uint64_t t = static_cast<uint64_t>(a[i]) * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    std::size_t k = i + b.size();
    while (carry) {
      uint64_t t = static_cast<uint64_t>(r[k]) + carry;
      r[k] = static_cast<uint32_t>(t);
      carry = t >> 32;
      ++k;
    }
  }
  trim_mag(r);
  return r;
}

// Divides in place by a small divisor, returns the remainder.
uint32_t divmod_small(Mag& a, uint32_t d) {
  uint64_t rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | a[i];
    a[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  trim_mag(a);
  return static_cast<uint32_t>(rem);
}

void mul_add_small(Mag& a, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (auto& limb : a) {
    uint64_t t = static_cast<uint64_t>(limb) * m + carry;
    limb = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry) a.push_back(static_cast<uint32_t>(carry));
}

int nlz32(uint32_t x) {
  if (x == 0) return 32;
  int n = 0;
  while (!(x & 0x80000000u)) {
    x <<= 1;
    ++n;
  }
  return n;
}

// Truncating magnitude division (Knuth, Algorithm D).  b must be non-empty.
void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r) {
  if (cmp_mag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    uint32_t rem = divmod_small(q, b[0]);
    r.clear();
    if (rem) r.push_back(rem);
    return;
  }
  const std::size_t m = a.size();
  const std::size_t n = b.size();
  const int s = nlz32(b[n - 1]);
  Mag vn(n), un(m + 1);
  for (std::size_t i = n - 1; i > 0; --i)
    vn[i] = (b[i] << s) | (s ? static_cast<uint32_t>(static_cast<uint64_t>(b[i - 1]) >> (32 - s)) : 0u);
  vn[0] = b[0] << s;
  un[m] = s ? static_cast<uint32_t>(static_cast<uint64_t>(a[m - 1]) >> (32 - s)) : 0u;
  for (std::size_t i = m - 1; i > 0; --i)
    un[i] = (a[i] << s) | (s ? static_cast<uint32_t>(static_cast<uint64_t>(a[i - 1]) >> (32 - s)) : 0u);
  un[0] = a[0] << s;
  q.assign(m - n + 1, 0);
  const uint64_t base = uint64_t{1} << 32;
  for (std::size_t jj = m - n + 1; jj-- > 0;) {
    const std::size_t j = jj;
    uint64_t num = (static_cast<uint64_t>(un[j + n]) << 32) | un[j + n - 1];
    uint64_t qhat = num / vn[n - 1];
    uint64_t rhat = num % vn[n - 1];
    while (qhat >= base || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= base) break;
    }
    int64_t borrow = 0;
    int64_t t = 0;
    for (std::size_t i = 0; i < n; ++i) {
      uint64_t p = qhat * vn[i];
      t = static_cast<int64_t>(un[i + j]) - borrow - static_cast<int64_t>(p & 0xFFFFFFFFu);
      un[i + j] = static_cast<uint32_t>(t);
      borrow = static_cast<int64_t>(p >> 32) - (t >> 32);
    }
    t = static_cast<int64_t>(un[j + n]) - borrow;
    un[j + n] = static_cast<uint32_t>(t);
    q[j] = static_cast<uint32_t>(qhat);
    if (t < 0) {
      q[j] -= 1;
      uint64_t carry = 0;
      for (std::size_t i = 0; i < n; ++i) {
        uint64_t sum = static_cast<uint64_t>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<uint32_t>(sum);
        carry = sum >> 32;
      }
      un[j + n] = static_cast<uint32_t>(static_cast<uint64_t>(un[j + n]) + carry);
    }
  }
  r.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    r[i] = (un[i] >> s) | (s ? static_cast<uint32_t>(static_cast<uint64_t>(un[i + 1]) << (32 - s)) : 0u);
  trim_mag(q);
  trim_mag(r);
}

// Two's complement image of (neg, mag) in `len` limbs.
Mag to_twos(bool neg, const Mag& mag, std::size_t len) {
  Mag r(len, 0);
  std::copy(mag.begin(), mag.end(), r.begin());
  if (neg) {
    uint64_t carry = 1;
    for (auto& limb : r) {
      uint64_t t = static_cast<uint64_t>(static_cast<uint32_t>(~limb)) + carry;
      limb = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
  }
  return r;
}

}  // namespace

void BigInt::trim() {
  trim_mag(mag_);
  if (mag_.empty()) neg_ = false;
}

BigInt::BigInt(int64_t v) {
  neg_ = v < 0;
  uint64_t m = neg_ ? (~static_cast<uint64_t>(v) + 1u) : static_cast<uint64_t>(v);
  while (m) {
    mag_.push_back(static_cast<uint32_t>(m));
    m >>= 32;
  }
}

std::string int_max_str_digits_message() {
  return "Exceeds the limit (" + std::to_string(kIntMaxStrDigits) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

std::string int_max_str_digits_message(int64_t digits) {
  return "Exceeds the limit (" + std::to_string(kIntMaxStrDigits) + " digits) for integer string conversion: value has " +
         std::to_string(digits) + " digits; use sys.set_int_max_str_digits() to increase the limit";
}

bool BigInt::exceeds_str_digits() const {
  // 10^4300 needs 14285 bits; anything shorter has at most 4300 digits.
  if (bit_length() < 14284) return false;
  return static_cast<int64_t>(abs().to_string(10).size()) > kIntMaxStrDigits;
}

std::optional<BigInt> BigInt::from_string(std::string_view original, int base, int64_t* too_many_digits) {
  if (too_many_digits) *too_many_digits = 0;
  if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
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
  // Base prefixes: required to pick the base when base == 0, optional when
  // they agree with the given base.  An '_' may follow a prefix.
  bool after_prefix = false;
  if (text.size() >= 2 && text[0] == '0') {
    const char p = static_cast<char>(text[1] | 0x20);
    const int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb != 0 && (base == 0 || base == pb)) {
      base = pb;
      text.remove_prefix(2);
      after_prefix = true;
    }
  }
  bool base0_decimal = false;
  if (base == 0) {
    base = 10;
    base0_decimal = true;
  }
  auto digit_value = [&](char c) {
    int d = 99;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    return d < base ? d : -1;
  };
  // Scan the run of digits and single underscores (like CPython, before any
  // digit is converted, so the digit limit is checked first).
  std::size_t i = 0;
  if (after_prefix && i < text.size() && text[i] == '_') ++i;
  if (i >= text.size() || digit_value(text[i]) < 0) return std::nullopt;
  int64_t ndigits = 0;
  std::size_t run_end = i;
  while (run_end < text.size()) {
    const char c = text[run_end];
    if (c == '_') {
      if (run_end + 1 >= text.size() || digit_value(text[run_end + 1]) < 0) return std::nullopt;
      ++run_end;
      continue;
    }
    if (digit_value(c) < 0) break;
    ++ndigits;
    ++run_end;
  }
  const bool power_of_two = (base & (base - 1)) == 0;
  if (too_many_digits && !power_of_two && ndigits > kIntMaxStrDigits) {
    *too_many_digits = ndigits;
    return std::nullopt;
  }
  if (run_end != text.size()) return std::nullopt;
  BigInt r;
  bool nonzero = false;
  bool leading_zero = false;
  bool first = true;
  for (std::size_t k = i; k < run_end; ++k) {
    if (text[k] == '_') continue;
    const int d = digit_value(text[k]);
    if (first && d == 0) leading_zero = true;
    first = false;
    if (d != 0) nonzero = true;
    mul_add_small(r.mag_, static_cast<uint32_t>(base), static_cast<uint32_t>(d));
  }
  // int('010', 0) is an error (old-style octal), int('000', 0) is fine.
  if (base0_decimal && leading_zero && nonzero) return std::nullopt;
  r.neg_ = neg;
  r.trim();
  return r;
}

BigInt BigInt::from_double(double v) {
  BigInt r;
  double t = std::trunc(v);
  if (t == 0 || !std::isfinite(t)) return r;
  int exp = 0;
  double frac = std::frexp(std::fabs(t), &exp);  // |t| = frac * 2^exp, frac in [0.5,1)
  uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
  BigInt m(static_cast<int64_t>(mant));
  if (exp >= 53) r = m.shl(static_cast<uint64_t>(exp - 53));
  else r = m.shr(static_cast<uint64_t>(53 - exp));
  if (v < 0) r = -r;
  return r;
}

std::string BigInt::to_string(int base, bool prefix) const {
  std::string digits;
  if (mag_.empty()) {
    digits = "0";
  } else if (base == 10) {
    Mag m = mag_;
    std::vector<uint32_t> chunks;
    while (!m.empty()) chunks.push_back(divmod_small(m, 1000000000u));
    digits = std::to_string(chunks.back());
    for (std::size_t i = chunks.size() - 1; i-- > 0;) {
      std::string c = std::to_string(chunks[i]);
      digits.append(9 - c.size(), '0');
      digits += c;
    }
  } else {
    Mag m = mag_;
    while (!m.empty()) {
      uint32_t d = divmod_small(m, static_cast<uint32_t>(base));
      digits.push_back(static_cast<char>(d < 10 ? '0' + d : 'a' + (d - 10)));
    }
    std::reverse(digits.begin(), digits.end());
  }
  std::string out;
  if (neg_) out.push_back('-');
  if (prefix) {
    if (base == 2) out += "0b";
    else if (base == 8) out += "0o";
    else if (base == 16) out += "0x";
  }
  out += digits;
  return out;
}

bool BigInt::fits_int64() const {
  if (mag_.size() > 2) return false;
  uint64_t m = 0;
  for (std::size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
  return neg_ ? m <= (uint64_t{1} << 63) : m < (uint64_t{1} << 63);
}

int64_t BigInt::to_int64() const {
  uint64_t m = 0;
  for (std::size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
  return neg_ ? static_cast<int64_t>(~m + 1u) : static_cast<int64_t>(m);
}

std::optional<double> BigInt::to_double() const {
  std::string s = to_string(10);
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec == std::errc::result_out_of_range || std::isinf(d)) return std::nullopt;
  return d;
}

uint64_t BigInt::bit_length() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * 32u + static_cast<uint64_t>(32 - nlz32(mag_.back()));
}

BigInt BigInt::operator-() const {
  BigInt r = *this;
  if (!r.mag_.empty()) r.neg_ = !r.neg_;
  return r;
}

BigInt BigInt::abs() const {
  BigInt r = *this;
  r.neg_ = false;
  return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  BigInt r;
  if (a.neg_ == b.neg_) {
    r.mag_ = add_mag(a.mag_, b.mag_);
    r.neg_ = a.neg_;
  } else if (cmp_mag(a.mag_, b.mag_) >= 0) {
    r.mag_ = sub_mag(a.mag_, b.mag_);
    r.neg_ = a.neg_;
  } else {
    r.mag_ = sub_mag(b.mag_, a.mag_);
    r.neg_ = b.neg_;
  }
  r.trim();
  return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  BigInt r;
  r.mag_ = mul_mag(a.mag_, b.mag_);
  r.neg_ = a.neg_ != b.neg_;
  r.trim();
  return r;
}

BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, int op) {
  const std::size_t len = std::max(a.mag_.size(), b.mag_.size()) + 1;
  Mag x = to_twos(a.neg_, a.mag_, len);
  Mag y = to_twos(b.neg_, b.mag_, len);
  BigInt r;
  r.mag_.resize(len);
  for (std::size_t i = 0; i < len; ++i) {
    r.mag_[i] = op == 0 ? (x[i] & y[i]) : op == 1 ? (x[i] | y[i]) : (x[i] ^ y[i]);
  }
  r.neg_ = (r.mag_.back() & 0x80000000u) != 0;
  if (r.neg_) r.mag_ = to_twos(true, r.mag_, len);  // back to a magnitude
  r.trim();
  return r;
}

BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, 0); }
BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, 1); }
BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, 2); }

BigInt BigInt::operator~() const { return -(*this + BigInt(1)); }

BigInt BigInt::shl(uint64_t count) const {
  if (mag_.empty()) return *this;
  BigInt r;
  const std::size_t limbs = static_cast<std::size_t>(count / 32);
  const unsigned bits = static_cast<unsigned>(count % 32);
  r.mag_.assign(limbs, 0);
  uint32_t carry = 0;
  for (uint32_t limb : mag_) {
    r.mag_.push_back(bits ? ((limb << bits) | carry) : limb);
    carry = bits ? static_cast<uint32_t>(static_cast<uint64_t>(limb) >> (32 - bits)) : 0u;
  }
  if (carry) r.mag_.push_back(carry);
  r.neg_ = neg_;
  r.trim();
  return r;
}

BigInt BigInt::shr(uint64_t count) const {
  if (mag_.empty()) return *this;
  if (neg_) {
    // floor(-m / 2^k) == -(((m - 1) >> k) + 1)
    BigInt m1 = abs() - BigInt(1);
    return -(m1.shr(count) + BigInt(1));
  }
  const uint64_t limbs = count / 32;
  if (limbs >= mag_.size()) return BigInt();
  const unsigned bits = static_cast<unsigned>(count % 32);
  BigInt r;
  for (std::size_t i = static_cast<std::size_t>(limbs); i < mag_.size(); ++i) {
    uint32_t lo = mag_[i] >> bits;
    uint32_t hi = (bits && i + 1 < mag_.size()) ? static_cast<uint32_t>(static_cast<uint64_t>(mag_[i + 1]) << (32 - bits)) : 0u;
    r.mag_.push_back(lo | hi);
  }
  r.trim();
  return r;
}

bool BigInt::divmod(const BigInt& a, const BigInt& b, BigInt* quotient, BigInt* remainder) {
  if (b.mag_.empty()) return false;
  BigInt q, r;
  divmod_mag(a.mag_, b.mag_, q.mag_, r.mag_);
  q.neg_ = a.neg_ != b.neg_;
  r.neg_ = a.neg_;
  q.trim();
  r.trim();
  if (!r.is_zero() && r.neg_ != b.neg_) {
    q = q - BigInt(1);
    r = r + b;
  }
  if (quotient) *quotient = q;
  if (remainder) *remainder = r;
  return true;
}

BigInt BigInt::pow(const BigInt& base, uint64_t exponent) {
  BigInt result(1);
  BigInt b = base;
  while (exponent) {
    if (exponent & 1u) result = result * b;
    exponent >>= 1;
    if (exponent) b = b * b;
  }
  return result;
}

BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus) {
  BigInt result(1);
  BigInt b = mod(base, modulus);
  BigInt e = exponent;
  result = mod(result, modulus);
  while (!e.is_zero()) {
    if (e.mag_[0] & 1u) result = mod(result * b, modulus);
    e = e.shr(1);
    if (!e.is_zero()) b = mod(b * b, modulus);
  }
  return result;
}

bool BigInt::true_divide(const BigInt& a, const BigInt& b, double* result, std::string* error_type,
                         std::string* error_message) {
  if (b.is_zero()) {
    *error_type = "ZeroDivisionError";
    *error_message = "division by zero";
    return false;
  }
  const bool neg = a.neg_ != b.neg_;
  if (a.is_zero()) {
    *result = neg ? -0.0 : 0.0;
    return true;
  }
  const uint64_t na = a.bit_length();
  const uint64_t nb = b.bit_length();
  if (na <= 53 && nb <= 53) {
    *result = static_cast<double>(a.to_int64()) / static_cast<double>(b.to_int64());
    return true;
  }
  const BigInt x = a.abs();
  const BigInt y = b.abs();
  // E = floor(log2(x / y)).
  int64_t e = static_cast<int64_t>(na) - static_cast<int64_t>(nb);
  const bool ge = e >= 0 ? (x >= y.shl(static_cast<uint64_t>(e))) : (x.shl(static_cast<uint64_t>(-e)) >= y);
  if (!ge) --e;
  auto overflow = [&]() {
    *error_type = "OverflowError";
    *error_message = "integer division result too large for a float";
    return false;
  };
  if (e >= 1024) return overflow();
  // Unit in the last place of the result, two guard bits below it.
  const int64_t ulp = std::max<int64_t>(e - 52, -1074);
  const int64_t k = 2 - ulp;  // Q = floor(x * 2^k / y)
  BigInt q, r;
  if (k >= 0) divmod(x.shl(static_cast<uint64_t>(k)), y, &q, &r);
  else divmod(x, y.shl(static_cast<uint64_t>(-k)), &q, &r);
  uint64_t qq = static_cast<uint64_t>(q.to_int64());
  uint64_t mant = qq >> 2;
  const uint64_t guard = qq & 3u;
  const bool sticky = !r.is_zero();
  if (guard > 2 || (guard == 2 && (sticky || (mant & 1u)))) ++mant;
  const double v = std::ldexp(static_cast<double>(mant), static_cast<int>(ulp));
  if (std::isinf(v)) return overflow();
  *result = neg ? -v : v;
  return true;
}

BigInt BigInt::round(const BigInt& x, int64_t ndigits) {
  if (ndigits >= 0) return x;
  // Rounding away more digits than x has always gives 0.
  if (static_cast<uint64_t>(-(ndigits + 1)) > x.bit_length() / 3 + 1) return BigInt();
  const BigInt p = pow(BigInt(10), static_cast<uint64_t>(-ndigits));
  BigInt q, r;
  divmod(x, p, &q, &r);  // 0 <= r < p
  const BigInt twice = r + r;
  if (twice > p || (twice == p && !q.is_zero() && (q.mag_[0] & 1u))) q = q + BigInt(1);
  return q * p;
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
  if (a.neg_ != b.neg_) return a.neg_ ? std::strong_ordering::less : std::strong_ordering::greater;
  int c = cmp_mag(a.mag_, b.mag_);
  if (a.neg_) c = -c;
  return c < 0 ? std::strong_ordering::less : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

BigInt floordiv(const BigInt& a, const BigInt& b) {
  BigInt q;
  BigInt::divmod(a, b, &q, nullptr);
  return q;
}

BigInt mod(const BigInt& a, const BigInt& b) {
  BigInt r;
  BigInt::divmod(a, b, nullptr, &r);
  return r;
}

}  // namespace ys::fmt
