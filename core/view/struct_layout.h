// Which rows each object kind shows in its struct box, for each CPython layout profile.
// One VM state, two ways to draw it:
//   - CPython 3.11+: the generator embeds its frame (`gi_iframe`, drawn as indented
//     rows inside the generator's box), `gi_frame_state`, `gi_exc_state.exc_value`;
//   - CPython 3.7-3.10 (the classic write-ups): `gi_frame` points to a separate frame
//     object (NULL once the generator finished), `gi_running`, and `gi_exc_state` as
//     `exc_type` / `exc_value` / `exc_traceback`.
// The GUI's memory-layout panel and `yieldscope show` both draw these boxes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trace/replay.h"

namespace ys::view {

enum class LayoutProfile : uint8_t { CPython311, CPython37 };
const char* profile_name(LayoutProfile profile);          // "CPython 3.11+" / "CPython 3.7-3.10"
bool parse_profile(std::string_view text, LayoutProfile& out);  // "3.11" / "3.7" (also "3.10" etc.)

struct StructRow {
    std::string field;          // "gi_frame_state", "f_lasti", "localsplus[i]"
    std::string value;          // the cell text: "FRAME_SUSPENDED", "52", "'fib'", "#12", "NULL"
    trace::ObjectId target = 0; // pointer target (live or not), 0 = none
    std::string points_to;      // what it points to / means: "str 'fib'", "ZeroDivisionError", "line 10"
    bool changed = false;       // changed in this step (or derived from a field that did)
    int depth = 0;              // 0: the object's own field; 1: a row of an embedded struct
    bool derived = false;       // computed for the profile (not a field the VM reported)
};

struct StructBox {
    trace::ObjectId id = 0;
    std::string type;           // "generator", "frame", ...
    std::string title;          // "generator fib", "frame fib", "ZeroDivisionError"
    int64_t refcount = 0;
    bool refcount_changed = false;
    bool created = false;       // created in this step
    std::vector<StructRow> rows;
};

// The box of a live object; an empty box (id 0) when the object is not alive.
StructBox struct_layout(const trace::HeapState& state, trace::ObjectId id, LayoutProfile profile);

// The objects the memory-layout view draws as boxes, in order: generators / coroutines /
// async generators, then frames that are not drawn inside a generator (in the 3.11
// profile a generator's frame is part of its box; in the 3.7 profile it is its own box).
// Generators are in id order; when more than three are alive, the one the step is
// about (the event's subject, or the innermost running one) comes first.
std::vector<trace::ObjectId> layout_objects(const trace::HeapState& state, LayoutProfile profile);

// The generator-like object whose gi_iframe (cr_iframe, ag_iframe) is `frame`, or 0.
trace::ObjectId embedding_generator(const trace::HeapState& state, trace::ObjectId frame);

// A Value as a cell: Int "52", Text as its repr, Null "NULL", Ref "#12".
std::string value_text(const trace::Value& value);
// What a pointer refers to, for the third column: the label the VM gave, else the
// target's short label from the state ("generator fib"), else "(freed)".
std::string pointee_text(const trace::HeapState& state, const trace::Value& value);

}  // namespace ys::view
