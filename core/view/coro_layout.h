// The rows that coroutines and async generators add to the generator layout, per
// CPython layout profile:
//   - 3.11+: one `cr_origin_or_finalizer` / `ag_origin_or_finalizer` slot (a coroutine's
//     origin, an async generator's finalizer), then `ag_hooks_inited`, `ag_closed`,
//     `ag_running_async`, all before `*_frame_state`;
//   - 3.7-3.10: `cr_origin`, or `ag_finalizer`, `ag_hooks_inited`, `ag_closed`,
//     `ag_running_async` after the common generator fields.
// `cr_origin` (set with sys.set_coroutine_origin_tracking_depth) is drawn as the list of
// (filename, line, function) frames it records, one indented row per frame.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "view/struct_layout.h"

namespace ys::view {

struct OriginFrame {
    std::string filename;
    int line = 0;
    std::string function;
    bool operator==(const OriginFrame&) const = default;
};

// Parses cr_origin's repr, "(('f.py', 6, 'g'), ('f.py', 7, '<module>'))"; nullopt when
// the text is not a tuple of (str, int, str) tuples.
std::optional<std::vector<OriginFrame>> parse_origin(std::string_view repr);

// True for the fields these rows replace (skipped when the generic rows are copied).
bool is_coro_extra_field(const std::string& prefix, const std::string& field);

// Appends the rows described above for `o` (a coroutine or async generator; nothing for
// a plain generator).
void coro_extra_rows(const trace::HeapState& st, const trace::ObjectState& o, const std::string& prefix,
                     LayoutProfile profile, std::vector<StructRow>& rows);

}  // namespace ys::view
