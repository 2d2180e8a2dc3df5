// printf-style formatting: the core of str.__mod__ ("%5.2f" % x), matching
// CPython 3.11's PyUnicode_Format (Objects/unicodeobject.c).
//
// The VM owns the objects, so the work is split in two:
//  * parse_percent_format() turns the format string into segments (literal text,
//    conversions, and at most one trailing error segment);
//  * percent_format_*() render one converted argument exactly as CPython does.
//
// The VM walks the segments like this (this is CPython's order of evaluation,
// so errors come out in the same order):
//
//   args_is_tuple: arglen = len(args), argidx = 0;  else arglen = -1, argidx = -2
//   dict = args if (has __getitem__ and not tuple and not str) else null
//   next_arg(): if argidx < arglen: argidx++; return arglen < 0 ? args : args[argidx-1]
//               else raise TypeError("not enough arguments for format string")
//   for seg in segments:
//     Literal:     append seg.text
//     Conversion / Error:
//       spec = seg.spec
//       if spec.has_key:
//         if dict is null: raise TypeError("format requires a mapping")
//         if seg.kind == Error and !spec.key_complete: raise seg.error
//         args = dict[spec.key] (KeyError propagates); arglen = -1; argidx = -2
//       if spec.width_star:  v = next_arg(); v must be int else TypeError("* wants int");
//                            apply_star_width(spec, v)   (OverflowError if huge)
//       if spec.prec_star:   v = next_arg(); int check as above; apply_star_precision(spec, v)
//       if seg.kind == Error: raise seg.error
//       v = next_arg()
//       switch percent_kind(spec.type):
//         Text:  s = str(v) / repr(v) / ascii(v) for 's' / 'r' / 'a';
//                append percent_format_text(s, spec)
//         Int:   int/bool -> BigInt; float -> trunc (inf: OverflowError "cannot convert
//                float infinity to integer", nan: ValueError "cannot convert float NaN
//                to integer"), but for 'o' 'x' 'X' a float is a TypeError;
//                anything else: raise percent_type_error(spec.type, type_name(v));
//                append percent_format_int(value, spec)
//         Float: float, or int/bool converted with BigInt::to_double() (None ->
//                OverflowError "int too large to convert to float"); else raise
//                percent_type_error(spec.type, type_name(v)); append percent_format_float
//         Char:  str of length 1 -> its code point; int/bool -> percent_char_from_int;
//                else raise percent_type_error('c', ...); append percent_format_char
//         Unsupported: raise percent_unsupported_error(spec)
//   if argidx < arglen and dict is null:
//     raise TypeError("not all arguments converted during string formatting")
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vm/format_int.h"
#include "vm/format_spec.h"

namespace ys::fmt {

struct PercentSpec {
  bool has_key = false;        // %(key)...
  bool key_complete = true;    // false only in an "incomplete format key" error segment
  std::string key;             // UTF-8
  bool left = false;           // '-'
  bool plus = false;           // '+'
  bool space = false;          // ' '
  bool alt = false;            // '#'
  bool zero = false;           // '0'
  int64_t width = -1;          // -1: none
  bool width_star = false;     // '*': take the width from the next argument
  int64_t precision = -1;      // -1: none
  bool prec_star = false;      // '.*'
  char32_t type = 0;           // conversion character
  std::size_t type_index = 0;  // code-point index of `type` in the format string
};

struct PercentSegment {
  enum class Kind { Literal, Conversion, Error };
  Kind kind = Kind::Literal;
  std::string text;    // Literal ("%%" already turned into "%")
  PercentSpec spec;    // Conversion, and Error (what was parsed before the error)
  FormatError error;   // Error: raise after the prelude described above
};

// Parses the whole format string.  An Error segment, if any, is the last one.
std::vector<PercentSegment> parse_percent_format(std::string_view format);

enum class PercentKind { Text, Int, Float, Char, Unsupported };
PercentKind percent_kind(char32_t type);  // s r a -> Text; d i u o x X -> Int; ...

// '*' arguments.  Return an error for values that don't fit (CPython raises
// OverflowError "Python int too large to convert to C ssize_t" / "... C int").
std::optional<FormatError> apply_star_width(PercentSpec& spec, const BigInt& value);
std::optional<FormatError> apply_star_precision(PercentSpec& spec, const BigInt& value);

// Renders one conversion, padding and sign included.  Widths or precisions
// above kMaxFormatLength give MemoryError (see format_spec.h).
// Fails only for %d/%i/%u of an int with more than kIntMaxStrDigits digits.
FormatResult percent_format_int(const BigInt& value, const PercentSpec& spec);
FormatResult percent_format_float(double value, const PercentSpec& spec);
FormatResult percent_format_char(char32_t code_point, const PercentSpec& spec);
FormatResult percent_format_text(std::string_view text, const PercentSpec& spec);  // s r a

// %c with an int argument: the code point, or OverflowError
// "%c arg not in range(0x110000)".
std::variant<char32_t, FormatError> percent_char_from_int(const BigInt& value);

// Errors with CPython's wording.
//  'd' 'i' 'u': TypeError "%d format: a real number is required, not str"
//  'o' 'x' 'X': TypeError "%x format: an integer is required, not float"
//  float codes: TypeError "must be real number, not str"
//  'c':         TypeError "%c requires int or char"
FormatError percent_type_error(char32_t type, std::string_view type_name);
// ValueError "unsupported format character 'y' (0x79) at index 3"
FormatError percent_unsupported_error(const PercentSpec& spec);

// Reference driver (the algorithm above) over plain values, for simple callers
// and tests.  Also a model for the VM's own str.__mod__.
struct PercentArg {
  enum class Type { Int, Bool, Float, Str, Other };
  Type type = Type::Other;
  BigInt int_value;       // Int, Bool
  double float_value = 0; // Float
  std::string str;        // str() text (the value itself for Str)
  std::string repr;       // repr() text, used by %r
  std::string ascii;      // ascii() text, used by %a (from_* set it to repr)
  std::string type_name;  // "int", "bool", "float", "str", "NoneType", ...
  static PercentArg from_int(const BigInt& v);
  static PercentArg from_bool(bool v);
  static PercentArg from_float(double v);
  static PercentArg from_str(std::string s);  // repr/ascii via str_repr/str_ascii
  static PercentArg from_str(std::string s, std::string repr_text);
};
struct PercentArgs {
  enum class Shape { Tuple, Single, Mapping };
  Shape shape = Shape::Tuple;
  std::vector<PercentArg> items;                            // Tuple items / the Single value
  std::vector<std::pair<std::string, PercentArg>> mapping;  // Mapping items (str keys)
  PercentArg mapping_self;                                  // the mapping object itself
};
FormatResult percent_format(std::string_view format, const PercentArgs& args);

}  // namespace ys::fmt
