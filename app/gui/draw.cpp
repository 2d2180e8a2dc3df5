#include "gui/draw.h"

#include <algorithm>
#include <cmath>

namespace ys::gui {

static void head_at(ImDrawList* dl, ImVec2 from, ImVec2 tip, ImU32 color, float head) {
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f) {
        dx = 1;
        dy = 0;
    } else {
        dx /= len;
        dy /= len;
    }
    const ImVec2 base(tip.x - dx * head, tip.y - dy * head);
    const ImVec2 l(base.x - dy * head * 0.5f, base.y + dx * head * 0.5f);
    const ImVec2 r(base.x + dy * head * 0.5f, base.y - dx * head * 0.5f);
    dl->AddTriangleFilled(tip, l, r, color);
}

void draw_arrow(ImDrawList* dl, ImVec2 p0, ImVec2 c1, ImVec2 c2, ImVec2 p3, ImU32 color, float thickness,
                float head) {
    // Segments by how far the curve bends away from its chord (a polyline of n segments
    // misses a cubic by about bend / n^2), capped by length: every segment is more
    // triangles for a software rasteriser to set up, and the heap graph's references
    // are mostly straight lines.
    const float span = std::abs(p3.x - p0.x) + std::abs(p3.y - p0.y);
    const float cx = p3.x - p0.x, cy = p3.y - p0.y;
    const float chord = std::sqrt(cx * cx + cy * cy);
    auto off_chord = [&](ImVec2 c) {
        const float dx = c.x - p0.x, dy = c.y - p0.y;
        return chord < 1e-3f ? std::sqrt(dx * dx + dy * dy) : std::abs(dx * cy - dy * cx) / chord;
    };
    const float bend = std::max(off_chord(c1), off_chord(c2));
    const int by_length = std::clamp(static_cast<int>(span / 40.0f), 4, 14);
    const int segments = std::clamp(static_cast<int>(std::ceil(std::sqrt(bend))), 1, by_length);
    if (segments == 1) {
        // A path rather than AddLine, which would shift the line by half a pixel.
        dl->PathLineTo(p0);
        dl->PathLineTo(p3);
        dl->PathStroke(color, 0, thickness);
    } else {
        dl->AddBezierCubic(p0, c1, c2, p3, color, thickness, segments);
    }
    // Direction at the end: from the curve point just before the tip.
    const float t = 0.92f, u = 1 - t;
    const ImVec2 near(u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
                      u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y);
    head_at(dl, near, p3, color, head);
    // The dot marking the pointer's cell, unless the drawing is too small to show it.
    if (head >= 4.0f) dl->AddCircleFilled(p0, thickness + 1.5f, color, 8);
}

void draw_line_arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float head) {
    dl->AddLine(a, b, color, thickness);
    head_at(dl, a, b, color, head);
}

void draw_hatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float spacing) {
    // 45-degree lines cut to the rectangle here rather than with a clip rectangle: a
    // clip-rectangle change splits the draw list into more draw calls.
    const float h = max.y - min.y;
    if (h <= 0 || max.x <= min.x || spacing <= 0) return;
    for (float x = min.x - h; x < max.x; x += spacing) {
        // The line from (x, max.y) up to (x + h, min.y), points (x + t, max.y - t).
        const float t0 = std::max(0.0f, min.x - x), t1 = std::min(h, max.x - x);
        if (t1 <= t0) continue;
        dl->AddLine(ImVec2(x + t0, max.y - t0), ImVec2(x + t1, max.y - t1), color, 1.0f);
    }
}

void draw_cell_text(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, const std::string& text,
                    ImU32 color, float padding) {
    if (text.empty()) return;
    const float y = min.y + (max.y - min.y - size) * 0.5f;
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    dl->AddText(font, size, ImVec2(min.x + padding, y), color, text.c_str(), text.c_str() + text.size(), 0.0f,
                &clip);
}

void draw_dashed_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float thickness, float dash) {
    auto dashed = [&](ImVec2 a, ImVec2 b) {
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float len = std::sqrt(dx * dx + dy * dy);
        if (len <= 0) return;
        for (float s = 0; s < len; s += dash * 2) {
            const float e = std::min(s + dash, len);
            dl->AddLine(ImVec2(a.x + dx * s / len, a.y + dy * s / len), ImVec2(a.x + dx * e / len, a.y + dy * e / len),
                        color, thickness);
        }
    };
    dashed(min, ImVec2(max.x, min.y));
    dashed(ImVec2(max.x, min.y), max);
    dashed(max, ImVec2(min.x, max.y));
    dashed(ImVec2(min.x, max.y), min);
}

void fill_box(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color) {
    if (color == ImGui::GetColorU32(ImGuiCol_WindowBg)) return;
    dl->AddRectFilled(min, max, color);
}

}  // namespace ys::gui
