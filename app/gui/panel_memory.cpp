#include "gui/panel_memory.h"

#include <imgui.h>

#include <algorithm>
#include <deque>
#include <unordered_set>

#include "gui/draw.h"
#include "view/struct_layout.h"

namespace ys::gui {

namespace {

constexpr size_t kMaxBoxes = 48;

bool is_exception(const trace::ObjectState& o) { return o.field("__traceback__") != nullptr; }

// Objects pointed to from the primary boxes that the diagrams also draw as boxes.
bool worth_a_box(const trace::ObjectState& o) {
    return o.type == "code" || o.type == "traceback" || is_exception(o) || !trace::gen_prefix(o.type).empty() ||
           trace::is_frame_type(o.type);
}

}  // namespace

std::vector<view::BoxSpec> MemoryPanel::build_specs(const trace::HeapState& state, view::LayoutProfile profile,
                                                    size_t max_boxes) {
    std::vector<trace::ObjectId> ids = view::layout_objects(state, profile);
    std::unordered_set<trace::ObjectId> in(ids.begin(), ids.end());
    std::vector<view::StructBox> boxes;
    std::deque<trace::ObjectId> queue(ids.begin(), ids.end());
    while (!queue.empty() && boxes.size() < max_boxes) {
        trace::ObjectId id = queue.front();
        queue.pop_front();
        view::StructBox box = view::struct_layout(state, id, profile);
        if (box.id == 0) continue;
        for (const auto& row : box.rows) {
            if (!row.target || in.count(row.target)) continue;
            const trace::ObjectState* t = state.find(row.target);
            if (!t || !worth_a_box(*t)) continue;
            // In the 3.11 profile a generator's frame is drawn inside its box.
            if (profile == view::LayoutProfile::CPython311 && trace::is_frame_type(t->type) &&
                view::embedding_generator(state, t->id) != 0)
                continue;
            in.insert(row.target);
            queue.push_back(row.target);
        }
        boxes.push_back(std::move(box));
    }
    std::unordered_set<trace::ObjectId> drawn;
    for (const auto& b : boxes) drawn.insert(b.id);

    std::vector<view::BoxSpec> specs;
    for (const auto& b : boxes) {
        view::BoxSpec s;
        s.id = b.id;
        s.title = b.title.empty() ? b.type : b.title;
        s.subtitle = "refcount " + std::to_string(b.refcount) + (b.refcount_changed ? " *" : "");
        s.changed = b.created;
        for (const auto& r : b.rows) {
            view::BoxRowSpec row;
            row.field = r.field;
            row.value = r.value;
            row.target = r.points_to;
            row.pointer = r.target && drawn.count(r.target) ? r.target : 0;
            row.changed = r.changed;
            row.indent = r.depth;
            s.rows.push_back(std::move(row));
        }
        specs.push_back(std::move(s));
    }
    return specs;
}

void MemoryPanel::draw(PanelContext& ctx) {
    // Profile switch.
    int profile = ctx.view.profile == view::LayoutProfile::CPython311 ? 0 : 1;
    ImGui::TextUnformatted("layout:");
    ImGui::SameLine();
    if (ImGui::RadioButton(view::profile_name(view::LayoutProfile::CPython311), &profile, 0))
        ctx.view.profile = view::LayoutProfile::CPython311;
    ImGui::SameLine();
    if (ImGui::RadioButton(view::profile_name(view::LayoutProfile::CPython37), &profile, 1))
        ctx.view.profile = view::LayoutProfile::CPython37;
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.86f, 0.08f, 0.08f, 1), "  red = changed in this step");

    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    if (cache_.doc != &ctx.doc || cache_.step != ctx.state.step || cache_.profile != ctx.view.profile ||
        cache_.font_size != size) {
        cache_.doc = &ctx.doc;
        cache_.step = ctx.state.step;
        cache_.profile = ctx.view.profile;
        cache_.font_size = size;
        cache_.specs = build_specs(ctx.state, ctx.view.profile, kMaxBoxes);
        view::TextMetrics m;
        m.char_width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "M").x;
        m.line_height = size;
        view::DiagramOptions o;
        o.padding = std::max(3.0f, size * 0.25f);
        o.column_gap = size * 5;
        o.row_gap = size * 1.2f;
        cache_.geometry = view::layout_diagram(cache_.specs, m, o);
    }
    const auto& geo = cache_.geometry;
    const auto& specs = cache_.specs;

    ImGui::BeginChild("memory_canvas", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    if (specs.empty()) {
        ImGui::TextDisabled("No generator, coroutine or frame is alive at this step.");
        ImGui::EndChild();
        return;
    }
    const float margin = 10.0f;
    const ImVec2 origin(ImGui::GetCursorScreenPos().x + margin, ImGui::GetCursorScreenPos().y + margin);
    ImGui::Dummy(ImVec2(geo.size.x + 2 * margin + 60, geo.size.y + 2 * margin));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = ctx.theme;
    const float thick = th.line_thickness;
    const float pad = std::max(3.0f, size * 0.25f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovered_window = ImGui::IsWindowHovered();
    const ImVec2 clip_min = ImGui::GetWindowPos(), clip_max(clip_min.x + ImGui::GetWindowSize().x,
                                                          clip_min.y + ImGui::GetWindowSize().y);

    dl->ChannelsSplit(2);
    // Channel 0: arrows, under the boxes.
    dl->ChannelsSetCurrent(0);
    auto off_screen = [&](ImVec2 a, ImVec2 b) { return b.x < clip_min.x || a.x > clip_max.x || b.y < clip_min.y || a.y > clip_max.y; };
    for (const auto& a : geo.arrows) {
        const ImVec2 lo(origin.x + std::min({a.p0.x, a.c1.x, a.c2.x, a.p1.x}) - size, origin.y + std::min({a.p0.y, a.c1.y, a.c2.y, a.p1.y}) - size);
        const ImVec2 hi(origin.x + std::max({a.p0.x, a.c1.x, a.c2.x, a.p1.x}) + size, origin.y + std::max({a.p0.y, a.c1.y, a.c2.y, a.p1.y}) + size);
        if (off_screen(lo, hi)) continue;
        const ImU32 color = a.changed ? th.changed : th.arrow;
        draw_arrow(dl, to_im(a.p0, origin), to_im(a.c1, origin), to_im(a.c2, origin), to_im(a.p1, origin), color,
                   thick, size * 0.55f);
    }
    // Channel 1: boxes.
    dl->ChannelsSetCurrent(1);
    const std::string* tooltip = nullptr;
    std::string tip;
    for (size_t i = 0; i < geo.boxes.size(); ++i) {
        const auto& box = geo.boxes[i];
        const auto& spec = specs[i];
        const ImVec2 bmin = to_im({box.frame.x, box.frame.y}, origin);
        const ImVec2 bmax = to_im({box.frame.right(), box.frame.bottom()}, origin);
        if (off_screen(bmin, bmax)) continue;
        const bool selected = ctx.view.selected == spec.id;
        // Title and body filled side by side, not one over the other (each pixel once).
        const ImVec2 tmax = to_im({box.title.right(), box.title.bottom()}, origin);
        dl->AddRectFilled(ImVec2(bmin.x, std::max(tmax.y, clip_min.y)), ImVec2(bmax.x, std::min(bmax.y, clip_max.y)), th.box_fill);
        dl->AddRectFilled(bmin, tmax, th.box_title);
        draw_cell_text(dl, font, size, bmin, tmax, spec.title, th.text, pad);
        const float sub_w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, spec.subtitle.c_str()).x;
        const bool rc_changed = !spec.subtitle.empty() && spec.subtitle.back() == '*';
        draw_cell_text(dl, font, size, ImVec2(tmax.x - sub_w - 2 * pad, bmin.y), tmax, spec.subtitle,
                       rc_changed ? th.changed : th.text_dim, pad);
        for (size_t r = 0; r < box.rows.size(); ++r) {
            const auto& rg = box.rows[r];
            const auto& rs = spec.rows[r];
            const ImVec2 rmin = to_im({rg.row.x, rg.row.y}, origin), rmax = to_im({rg.row.right(), rg.row.bottom()}, origin);
            if (off_screen(rmin, rmax)) continue;
            // Grid lines as one-pixel rectangles: the same pixels as a 1 px AddLine, without
            // its anti-aliasing fringe (two more rows of pixels to shade per line).
            dl->AddRectFilled(rmin, ImVec2(rmax.x, rmin.y + 1), th.grid);
            const ImVec2 fmin = to_im({rg.field.x, rg.field.y}, origin), fmax = to_im({rg.field.right(), rg.field.bottom()}, origin);
            const ImVec2 vmin = to_im({rg.value.x, rg.value.y}, origin), vmax = to_im({rg.value.right(), rg.value.bottom()}, origin);
            const ImVec2 gmin = to_im({rg.target.x, rg.target.y}, origin), gmax = to_im({rg.target.right(), rg.target.bottom()}, origin);
            const float indent = static_cast<float>(rs.indent) * 2 * font->CalcTextSizeA(size, FLT_MAX, 0, "M").x;
            draw_cell_text(dl, font, size, ImVec2(fmin.x + indent, fmin.y), fmax, rs.field,
                           rs.indent ? th.text_dim : th.text, pad);
            draw_cell_text(dl, font, size, vmin, vmax, view::elide(rs.value, 40), th.text, pad);
            draw_cell_text(dl, font, size, gmin, gmax, view::elide(rs.target, 40), th.text_dim, pad);
            dl->AddRectFilled(ImVec2(vmin.x, rmin.y), ImVec2(vmin.x + 1, rmax.y), th.grid);
            dl->AddRectFilled(ImVec2(gmin.x, rmin.y), ImVec2(gmin.x + 1, rmax.y), th.grid);
            if (rs.changed) dl->AddRect(ImVec2(vmin.x + 1, vmin.y + 1), ImVec2(gmax.x - 1, gmax.y - 1), th.changed, 0, 0, 2.0f);
            if (hovered_window && mouse.x >= rmin.x && mouse.x < rmax.x && mouse.y >= rmin.y && mouse.y < rmax.y) {
                tip = rs.field + " = " + rs.value + (rs.target.empty() ? "" : "  \xE2\x86\x92 " + rs.target);
                tooltip = &tip;
            }
        }
        dl->AddRect(bmin, bmax, spec.changed ? th.changed : (selected ? th.selected : th.box_border), 0, 0,
                    spec.changed || selected ? 3.0f : 1.0f);
        if (hovered_window && ImGui::IsMouseClicked(0) && mouse.x >= bmin.x && mouse.x < bmax.x && mouse.y >= bmin.y &&
            mouse.y < bmax.y)
            ctx.view.selected = spec.id;
    }
    dl->ChannelsMerge();
    if (tooltip) ImGui::SetTooltip("%s", tooltip->c_str());
    ImGui::EndChild();
}

}  // namespace ys::gui
