// Small drawing helpers shared by the diagram panels (ImDrawList only; no layout here).
#pragma once

#include <imgui.h>

#include <string>

#include "view/geometry.h"

namespace ys::gui {

inline ImVec2 to_im(view::Vec2 v, ImVec2 origin, float scale = 1.0f) {
    return ImVec2(origin.x + v.x * scale, origin.y + v.y * scale);
}

// A cubic Bezier with an arrow head at p3 pointing along c2 -> p3, and a dot at p0
// (left out when `head` is under 4 px: a zoomed-out drawing).
void draw_arrow(ImDrawList* dl, ImVec2 p0, ImVec2 c1, ImVec2 c2, ImVec2 p3, ImU32 color, float thickness,
                float head = 8.0f);
// A straight arrow.
void draw_line_arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float head = 8.0f);
// Diagonal hatching inside a rectangle.
void draw_hatch(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float spacing = 8.0f);
// Text clipped to a cell, vertically centred, left aligned with padding.
void draw_cell_text(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, const std::string& text,
                    ImU32 color, float padding = 4.0f);
// A filled rectangle, left out when it is the colour of the window behind it (canvases
// have no background of their own): a software rasteriser shades every pixel of it.
void fill_box(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color);
// A dashed rectangle outline.
void draw_dashed_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float thickness, float dash = 6.0f);

}  // namespace ys::gui
