// The format-spec mini-language of format(x, spec) / f"{x:spec}" / str.format,
// exactly as CPython 3.11 implements it (Python/formatter_unicode.c):
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// Works on plain values: UTF-8 strings, int64_t, big ints (ys::fmt::BigInt or a
// "-123" decimal string), doubles.  Errors are returned, never thrown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/format_int.h"

namespace ys::fmt {

// A Python exception to raise: type is e.g. "ValueError", "TypeError",
// "OverflowError", "KeyError"; message is str(exc).
struct FormatError {
  std::string type;
  std::string message;
  friend bool operator==(const FormatError&, const FormatError&) = default;
};

struct FormatResult {
  std::string text;                  // UTF-8 result when ok()
  std::optional<FormatError> error;  // set on failure
  bool ok() const { return !error.has_value(); }
  static FormatResult success(std::string s) { return FormatResult{std::move(s), std::nullopt}; }
  static FormatResult failure(std::string type, std::string message) {
    return FormatResult{std::string(), FormatError{std::move(type), std::move(message)}};
  }
};

// Widths / precisions above this would need gigabytes; we answer MemoryError
// (message "") instead of trying, where CPython would try and usually fail.
constexpr int64_t kMaxFormatLength = int64_t{1} << 27;

// What kind of object the spec is applied to; decides the default type and
// alignment ('s' and '<' for str, 'd' and '>' for int, none and '>' for float).
enum class SpecTarget { Str, Int, Float };

struct FormatSpec {
  char32_t fill = U' ';
  char32_t align = U'>';    // '<' '>' '^' '=' (default already applied)
  bool align_specified = false;
  char32_t sign = 0;        // '+' '-' ' ' or 0
  bool no_neg_0 = false;    // 'z'
  bool alternate = false;   // '#'
  int64_t width = -1;       // -1: not given
  char grouping = 0;        // ',' or '_' (or 0)
  int64_t precision = -1;   // -1: not given
  char32_t type = 0;        // 0: not given (only possible for float)
};

// Parses `spec` (UTF-8).  type_name is the Python type name used in messages
// ("Invalid format specifier '10xx' for object of type 'float'").
std::optional<FormatError> parse_format_spec(std::string_view spec, SpecTarget target,
                                             std::string_view type_name, FormatSpec* out);

// format(value, spec) for each builtin kind.  type_name lets subclasses such as
// bool report their own name ("Unknown format code 's' for object of type 'bool'").
FormatResult format_str(std::string_view value, std::string_view spec,
                        std::string_view type_name = "str");
// Note bool: format(True, "") is str(True) == "True"; only a non-empty spec
// goes through int formatting (format(True, "d") == "1").
FormatResult format_int(int64_t value, std::string_view spec, std::string_view type_name = "int");
FormatResult format_int(const BigInt& value, std::string_view spec,
                        std::string_view type_name = "int");
// Big int given as optional '-' followed by decimal digits, e.g. "-1267650600228229401496703205376".
FormatResult format_int_digits(std::string_view decimal, std::string_view spec,
                               std::string_view type_name = "int");
FormatResult format_float(double value, std::string_view spec,
                          std::string_view type_name = "float");

// Lower-level: apply an already parsed spec (the spec must have been parsed for
// the same SpecTarget).
FormatResult apply_str_spec(std::string_view value, const FormatSpec& spec);
FormatResult apply_int_spec(const BigInt& value, const FormatSpec& spec, std::string_view type_name);
FormatResult apply_float_spec(double value, const FormatSpec& spec);

// ------------------------------------------------------------ str.format ----
// The template language of str.format / str.format_map (Objects/stringlib/
// unicode_format.h).  Walk a template with FormatTemplateIterator; for every
// field split its name with split_field_name, fetch the object, apply the
// conversion (!r !s !a; anything else -> conversion_error), expand a nested
// spec (spec_needs_expanding) by formatting the spec itself as a template
// with recursion_depth - 1 (depth starts at 2; at 0 raise
// ValueError "Max string recursion exceeded"), then call format(obj, spec).
struct TemplateChunk {
  std::string literal;              // text before the field ("{{" / "}}" unescaped)
  bool has_field = false;
  std::string field_name;           // e.g. "0", "", "name", "0[1].x"
  char32_t conversion = 0;          // 0, or the character after '!'
  std::string format_spec;          // raw, may still contain {nested} fields
  bool spec_needs_expanding = false;
};

class FormatTemplateIterator {
 public:
  explicit FormatTemplateIterator(std::string_view template_utf8);
  // Returns false at the end.  On a malformed template returns true with
  // *error set (ValueError "Single '}' encountered in format string", ...);
  // stop iterating then.  Literal text of a chunk is always safe to emit
  // before its field is processed.
  bool next(TemplateChunk* chunk, std::optional<FormatError>* error);

 private:
  std::u32string text_;
  std::size_t pos_ = 0;
};

// Auto-numbering state shared by all fields of one str.format call (including
// nested specs).
struct AutoNumber {
  enum class State { Init, Auto, Manual };
  State state = State::Init;
  int64_t next_index = 0;
};

struct FieldNamePart {
  bool is_attribute = false;  // ".name" (else "[key]")
  std::string name;
  int64_t index = -1;         // "[3]" -> 3; -1 when not all digits (string key)
};
struct FieldName {
  std::string first;       // "" for auto-numbered fields
  int64_t first_index = -1;  // positional index, or -1 for a keyword name
  std::vector<FieldNamePart> rest;
  // Error met while parsing `rest` (e.g. "Empty attribute in format string");
  // CPython raises it only after looking up `first` and the parts before it,
  // so: look up first, apply rest[0..n), then raise this.
  std::optional<FormatError> rest_error;
};
// Errors for `first`: the auto/manual numbering switch and
// "Too many decimal digits in format string".
// Lookup errors the VM raises itself, in CPython's words:
//   keyword missing: KeyError 'name'
//   index missing:   IndexError "Replacement index 3 out of range for positional args tuple"
//   format_map with a positional field: ValueError "Format string contains positional fields"
std::optional<FormatError> split_field_name(std::string_view field_name, AutoNumber* auto_number,
                                            FieldName* out);
// ValueError "Unknown conversion specifier x" (or "\x.." form).
FormatError conversion_error(char32_t conversion);

// Helpers shared with the %-formatter and the VM.
// Decodes UTF-8; a malformed byte stands for itself (Latin-1), so decoding never fails.
std::u32string utf8_decode(std::string_view s);
std::size_t utf8_length(std::string_view s);           // number of code points
std::string utf8_encode(char32_t cp);
std::string utf8_prefix(std::string_view s, std::size_t n_code_points);
// str.isprintable() for one code point (CPython 3.11 / Unicode 14.0).
bool unicode_isprintable(char32_t c);
// repr(s) and ascii(s) of a str: quote choice, \n \t \r \\ escapes, \xhh /
// \uhhhh / \Uhhhhhhhh for non-printable (ascii(): all non-ASCII) characters.
std::string str_repr(std::string_view utf8);
std::string str_ascii(std::string_view utf8);

}  // namespace ys::fmt
