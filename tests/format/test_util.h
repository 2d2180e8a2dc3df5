// Shared helpers for the ys_format tests.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#include <cstdlib>

#include "vm/format_percent.h"
#include "vm/format_spec.h"

// Table strings: S("...") keeps embedded NULs (see gen_cases.py).
#define S(lit) std::string_view(lit, sizeof(lit) - 1)

namespace ys::fmt::test {

inline double from_bits(uint64_t b) { return std::bit_cast<double>(b); }

// "ok:<text>" or "<ExcType>: <message>", so a failure shows both sides clearly.
inline std::string describe(const FormatResult& r) {
  if (r.ok()) return "ok:" + r.text;
  return r.error->type + ": " + r.error->message;
}

inline std::string expected(bool ok, std::string_view a, std::string_view b) {
  if (ok) return "ok:" + std::string(a);
  return std::string(a) + ": " + std::string(b);
}

inline std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Decodes one argument written by gen_cases.py's enc().
inline PercentArg decode_arg(std::string_view e) {
  const char tag = e.front();
  const std::string_view body = e.substr(1);
  switch (tag) {
    case 'b': return PercentArg::from_bool(body == "1");
    case 'i': return PercentArg::from_int(*BigInt::from_string(body));
    case 'f': return PercentArg::from_float(from_bits(std::strtoull(std::string(body).c_str(), nullptr, 16)));
    case 's': {
      auto f = split(body, '\x1e');
      PercentArg a = PercentArg::from_str(f.at(0), f.at(1));
      a.ascii = f.at(2);
      return a;
    }
    default: {
      auto f = split(body, '\x1e');
      PercentArg a;
      a.type = PercentArg::Type::Other;
      a.str = f.at(0);
      a.repr = f.at(1);
      a.ascii = f.at(2);
      a.type_name = f.at(3);
      return a;
    }
  }
}

}  // namespace ys::fmt::test
