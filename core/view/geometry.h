// Diagram geometry for the memory-layout panel: where each struct box goes, how tall
// and wide its rows are, and the route of every pointer arrow. Pure arithmetic on
// sizes measured in a monospace font's cells, so it is unit-tested without a display;
// the GUI only draws what this computes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ys::view {

struct Vec2 {
    float x = 0;
    float y = 0;
    bool operator==(const Vec2&) const = default;
};

struct Rect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Vec2 center() const { return {x + w / 2, y + h / 2}; }
    bool contains(Vec2 p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    bool overlaps(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

// Font metrics in pixels. Text width is counted in characters (UTF-8 code points): the
// diagrams use a monospace font.
struct TextMetrics {
    float char_width = 7.0f;
    float line_height = 16.0f;
};

// Width of `text` in pixels for a monospace font (UTF-8 aware).
float text_width(const std::string& text, const TextMetrics& metrics);
size_t utf8_length(const std::string& text);

// What a box shows: a title (e.g. "generator fib"), a subtitle ("refcount 2"), and rows
// of field | value | what it points to.
struct BoxRowSpec {
    std::string field;
    std::string value;
    std::string target;       // text of the third column ("str 'fib'", "frame fib")
    uint64_t pointer = 0;     // the box this row points to (0 = none)
    bool changed = false;     // changed in this step: outlined in red
    int indent = 0;           // nesting level of an embedded struct's field
};

struct BoxSpec {
    uint64_t id = 0;
    std::string title;
    std::string subtitle;
    std::vector<BoxRowSpec> rows;
    bool changed = false;     // the box is new in this step
    bool dim = false;         // drawn greyed (e.g. a freed or detached object)
};

struct RowGeometry {
    Rect row;          // the whole row
    Rect field;        // the three cells
    Rect value;
    Rect target;
    Vec2 anchor;       // where an outgoing arrow starts (right-hand middle of value cell)
};

struct BoxGeometry {
    uint64_t id = 0;
    Rect frame;        // the whole box including the title bar
    Rect title;
    std::vector<RowGeometry> rows;
    int column = 0;    // placement column (0 = leftmost)
};

// An arrow as a cubic Bezier p0 → c1 → c2 → p1 with its head at p1.
struct ArrowGeometry {
    uint64_t from_box = 0;
    size_t from_row = 0;
    uint64_t to_box = 0;
    Vec2 p0, c1, c2, p1;
    bool backward = false;   // target is not to the right: routed around
    bool changed = false;    // the row is changed in this step
};

struct DiagramOptions {
    float padding = 4.0f;        // inside a cell, around text
    float column_gap = 80.0f;    // horizontal gap between box columns
    float row_gap = 24.0f;       // vertical gap between boxes in a column
    float min_value_chars = 6;   // the value column is at least this wide
    float max_cell_chars = 40;   // longer texts are elided by the painter
    float indent_chars = 2;      // per level of BoxRowSpec::indent
};

struct DiagramGeometry {
    std::vector<BoxGeometry> boxes;    // same order as the specs
    std::vector<ArrowGeometry> arrows;
    Vec2 size;                         // bounding size of everything, from (0,0)
    const BoxGeometry* find(uint64_t id) const;
};

// Size of one box (column widths fitted to its texts).
BoxGeometry measure_box(const BoxSpec& spec, const TextMetrics& metrics, const DiagramOptions& options);

// Lays out the boxes in columns: the first box (and any box nothing points to) in
// column 0, a box pointed to from column c in column c+1 (breadth first, so a chain of
// pointers reads left to right as in the classic diagrams); boxes of a column are
// stacked top to bottom in spec order. Arrows start at a row's anchor and end at the
// left edge of the target's title bar; arrows to a box that is not to the right are
// routed around the right-hand side.
DiagramGeometry layout_diagram(const std::vector<BoxSpec>& specs, const TextMetrics& metrics,
                               const DiagramOptions& options = {});

// Where an arrow should be cut so its head sits on `target`'s border, coming from `from`.
Vec2 clip_to_rect(Vec2 from, const Rect& target);

// Shortens text to at most `max_chars` code points, ending it with "…" when cut.
std::string elide(const std::string& text, size_t max_chars);

}  // namespace ys::view
