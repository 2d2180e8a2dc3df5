#include "view/geometry.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace ys::view {

size_t utf8_length(const std::string& text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

float text_width(const std::string& text, const TextMetrics& metrics) {
    return static_cast<float>(utf8_length(text)) * metrics.char_width;
}

std::string elide(const std::string& text, size_t max_chars) {
    if (max_chars == 0) return {};
    if (utf8_length(text) <= max_chars) return text;
    // Keep max_chars - 1 code points, then the ellipsis.
    size_t kept = 0;
    size_t i = 0;
    for (; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) {
            if (kept == max_chars - 1) break;
            ++kept;
        }
    }
    return text.substr(0, i) + "\xE2\x80\xA6";
}

const BoxGeometry* DiagramGeometry::find(uint64_t id) const {
    for (const auto& box : boxes)
        if (box.id == id) return &box;
    return nullptr;
}

BoxGeometry measure_box(const BoxSpec& spec, const TextMetrics& m, const DiagramOptions& o) {
    auto chars = [&](const std::string& s) {
        return std::min(static_cast<float>(utf8_length(s)), o.max_cell_chars);
    };
    float field_chars = 0, value_chars = o.min_value_chars, target_chars = 0;
    for (const auto& row : spec.rows) {
        field_chars = std::max(field_chars, chars(row.field) + o.indent_chars * static_cast<float>(row.indent));
        value_chars = std::max(value_chars, chars(row.value));
        target_chars = std::max(target_chars, chars(row.target));
    }
    const float pad2 = 2 * o.padding;
    float field_w = field_chars * m.char_width + pad2;
    float value_w = value_chars * m.char_width + pad2;
    float target_w = target_chars > 0 ? target_chars * m.char_width + pad2 : m.char_width * 2;
    const float title_text = chars(spec.title) + (spec.subtitle.empty() ? 0 : 3 + chars(spec.subtitle));
    const float title_w = title_text * m.char_width + pad2;
    if (title_w > field_w + value_w + target_w) target_w = title_w - field_w - value_w;

    const float row_h = m.line_height + pad2;
    BoxGeometry box;
    box.id = spec.id;
    box.frame = {0, 0, field_w + value_w + target_w, row_h * static_cast<float>(spec.rows.size() + 1)};
    box.title = {0, 0, box.frame.w, row_h};
    for (size_t i = 0; i < spec.rows.size(); ++i) {
        const float y = row_h * static_cast<float>(i + 1);
        RowGeometry row;
        row.row = {0, y, box.frame.w, row_h};
        row.field = {0, y, field_w, row_h};
        row.value = {field_w, y, value_w, row_h};
        row.target = {field_w + value_w, y, target_w, row_h};
        row.anchor = {box.frame.w, y + row_h / 2};
        box.rows.push_back(row);
    }
    return box;
}

namespace {

void translate(BoxGeometry& box, float dx, float dy) {
    auto move = [&](Rect& r) { r.x += dx; r.y += dy; };
    move(box.frame);
    move(box.title);
    for (auto& row : box.rows) {
        move(row.row);
        move(row.field);
        move(row.value);
        move(row.target);
        row.anchor.x += dx;
        row.anchor.y += dy;
    }
}

}  // namespace

Vec2 clip_to_rect(Vec2 from, const Rect& target) {
    const Vec2 c = target.center();
    const float dx = from.x - c.x, dy = from.y - c.y;
    if (dx == 0 && dy == 0) return c;
    const float hw = target.w / 2, hh = target.h / 2;
    // Scale the direction so it touches the nearer pair of borders.
    const float sx = dx != 0 ? hw / std::abs(dx) : 1e30f;
    const float sy = dy != 0 ? hh / std::abs(dy) : 1e30f;
    const float s = std::min(sx, sy);
    if (s >= 1.0f) return from;  // `from` is inside the rectangle
    return {c.x + dx * s, c.y + dy * s};
}

DiagramGeometry layout_diagram(const std::vector<BoxSpec>& specs, const TextMetrics& m,
                               const DiagramOptions& o) {
    DiagramGeometry out;
    const size_t n = specs.size();
    std::unordered_map<uint64_t, size_t> index;
    for (size_t i = 0; i < n; ++i) index.emplace(specs[i].id, i);

    // Who points to whom (only between boxes of this diagram).
    std::vector<std::vector<size_t>> children(n);
    std::vector<int> incoming(n, 0);
    for (size_t i = 0; i < n; ++i)
        for (const auto& row : specs[i].rows) {
            if (!row.pointer) continue;
            auto it = index.find(row.pointer);
            if (it == index.end() || it->second == i) continue;
            children[i].push_back(it->second);
            ++incoming[it->second];
        }

    // Columns, breadth first from the roots (boxes nothing points to), in spec order.
    std::vector<int> column(n, -1);
    std::vector<size_t> order;  // visit order
    auto bfs = [&](size_t start) {
        std::deque<size_t> queue{start};
        column[start] = 0;
        while (!queue.empty()) {
            size_t i = queue.front();
            queue.pop_front();
            order.push_back(i);
            for (size_t c : children[i])
                if (column[c] < 0) {
                    column[c] = column[i] + 1;
                    queue.push_back(c);
                }
        }
    };
    for (size_t i = 0; i < n; ++i)
        if (column[i] < 0 && (incoming[i] == 0 || i == 0)) bfs(i);
    for (size_t i = 0; i < n; ++i)
        if (column[i] < 0) bfs(i);

    out.boxes.resize(n);
    int columns = 0;
    for (size_t i = 0; i < n; ++i) {
        out.boxes[i] = measure_box(specs[i], m, o);
        out.boxes[i].column = column[i];
        columns = std::max(columns, column[i] + 1);
    }
    std::vector<float> col_w(static_cast<size_t>(columns), 0.0f), col_x(static_cast<size_t>(columns), 0.0f);
    for (size_t i = 0; i < n; ++i)
        col_w[static_cast<size_t>(column[i])] = std::max(col_w[static_cast<size_t>(column[i])], out.boxes[i].frame.w);
    for (int c = 1; c < columns; ++c)
        col_x[static_cast<size_t>(c)] = col_x[static_cast<size_t>(c - 1)] + col_w[static_cast<size_t>(c - 1)] + o.column_gap;

    // Place column by column; a box sits level with the first row pointing at it when
    // there is room, otherwise below the previous box of its column.
    std::vector<bool> placed(n, false);
    std::vector<float> col_bottom(static_cast<size_t>(columns), 0.0f);
    for (int c = 0; c < columns; ++c) {
        for (size_t i : order) {
            if (column[i] != c) continue;
            float desired = 0;
            bool have_desired = false;
            for (size_t p = 0; p < n && !have_desired; ++p) {
                if (!placed[p] || column[p] >= c) continue;
                for (size_t r = 0; r < specs[p].rows.size(); ++r)
                    if (specs[p].rows[r].pointer == specs[i].id) {
                        desired = out.boxes[p].rows[r].anchor.y - out.boxes[i].title.h / 2;
                        have_desired = true;
                        break;
                    }
            }
            const float top = col_bottom[static_cast<size_t>(c)] == 0.0f ? 0.0f : col_bottom[static_cast<size_t>(c)] + o.row_gap;
            const float y = have_desired ? std::max(top, desired) : top;
            translate(out.boxes[i], col_x[static_cast<size_t>(c)], y);
            col_bottom[static_cast<size_t>(c)] = out.boxes[i].frame.bottom();
            placed[i] = true;
        }
    }

    // Arrows.
    int loop = 0;
    for (size_t i = 0; i < n; ++i) {
        for (size_t r = 0; r < specs[i].rows.size(); ++r) {
            const auto& row = specs[i].rows[r];
            if (!row.pointer) continue;
            auto it = index.find(row.pointer);
            if (it == index.end()) continue;
            const BoxGeometry& from = out.boxes[i];
            const BoxGeometry& to = out.boxes[it->second];
            ArrowGeometry a;
            a.from_box = from.id;
            a.from_row = r;
            a.to_box = to.id;
            a.changed = row.changed;
            a.p0 = from.rows[r].anchor;
            const float ty = to.title.y + to.title.h / 2;
            if (to.frame.x > from.frame.right()) {
                a.p1 = {to.frame.x, ty};
                const float dx = (a.p1.x - a.p0.x) * 0.5f;
                a.c1 = {a.p0.x + dx, a.p0.y};
                a.c2 = {a.p1.x - dx, a.p1.y};
            } else {
                a.backward = true;
                a.p1 = {to.frame.right(), ty};
                const float bulge = 30.0f + 8.0f * static_cast<float>(loop++ % 6);
                const float far = std::max(a.p0.x, a.p1.x) + bulge;
                a.c1 = {far, a.p0.y};
                a.c2 = {far, a.p1.y};
            }
            out.arrows.push_back(a);
        }
    }

    for (const auto& box : out.boxes) {
        out.size.x = std::max(out.size.x, box.frame.right());
        out.size.y = std::max(out.size.y, box.frame.bottom());
    }
    for (const auto& a : out.arrows) out.size.x = std::max(out.size.x, std::max(a.c1.x, a.c2.x));
    return out;
}

}  // namespace ys::view
