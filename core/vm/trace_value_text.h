// The text of the values a trace shows inline rather than as objects (REPORTING.md:
// int, float, bool, None, str and the other immutable singletons), for the VM's
// reporting wrapper (trace_report.cpp).
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "vm/runtime.h"

namespace ys::vm {

// Whether `o` appears in the trace as an inline value, not a traced object.
inline bool is_inline(Object* o) {
    Type* t = o->ob_type;
    return t == &Int_Type || t == &Bool_Type || t == &Float_Type || t == &Str_Type || t == &None_Type ||
           t == &NotImplemented_Type || t == &Ellipsis_Type;
}

// The decimal text of a machine-sized int, written into `buf` (no allocation).
inline constexpr size_t kIntTextSize = 24;
inline std::string_view int_text(int64_t v, char (&buf)[kIntTextSize]) {
    auto r = std::to_chars(buf, buf + kIntTextSize, v);
    return std::string_view(buf, static_cast<size_t>(r.ptr - buf));
}

// An inline value's repr, without making Python objects for the common kinds.
std::string inline_repr(Object* o);
// repr() of a str given as its UTF-8 (str_core.cpp).
std::string str_repr_text(std::string_view s);

}  // namespace ys::vm
