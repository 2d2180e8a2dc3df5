#include "gui/panel_heap.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <unordered_map>

#include "gui/draw.h"
#include "view/struct_layout.h"

namespace ys::gui {

namespace {
constexpr size_t kMaxEdges = 150;
}  // namespace

// YS_BENCH_HEAP_ZOOM=0.25 starts the graph zoomed out (the frame-time benchmark's
// level-of-detail case); the zoom slider covers the same range.
HeapPanel::HeapPanel() {
    if (const char* z = std::getenv("YS_BENCH_HEAP_ZOOM"))
        if (const float v = std::strtof(z, nullptr); v >= 0.25f && v <= 2.0f) zoom_ = v;
}

void HeapPanel::build_scene(PanelContext& ctx, const view::GraphOptions& o, float fsize, int columns) {
    const trace::HeapState& st = ctx.state;
    const trace::HeapAnalysis& an = ctx.doc.analysis();
    const view::StableGraphLayout& layout = ctx.doc.graph();
    scene_.doc = &ctx.doc;
    scene_.step = st.step;
    scene_.zoom = zoom_;
    scene_.font = fsize;
    scene_.columns = columns;
    scene_.nodes.clear();
    scene_.edges.clear();
    scene_.cycle_objects = 0;
    for (const auto& c : an.cycles) scene_.cycle_objects += c.size();
    for (const auto& obj : st.objects) {
        Node n;
        n.id = obj.id;
        n.rect = layout.rect(obj.id, o);
        n.refcount = obj.refcount;
        n.cycle = an.cycle_of(obj.id);
        n.garbage = an.is_unreachable(obj.id);
        n.created = st.diff.created_here(obj.id);
        n.rc_changed = st.diff.refcount_changed(obj.id);
        for (const auto& f : obj.fields) {
            if (f.value.kind != trace::Value::Kind::Ref || !st.alive(f.value.ref)) continue;
            Edge e;
            e.from = obj.id;
            e.to = f.value.ref;
            const view::Rect to = layout.rect(e.to, o);
            e.geo = e.to == obj.id ? view::self_loop(n.rect) : view::route_edge(n.rect, to, 0);
            const float x0 = std::min({e.geo.p0.x, e.geo.c1.x, e.geo.c2.x, e.geo.p1.x});
            const float y0 = std::min({e.geo.p0.y, e.geo.c1.y, e.geo.c2.y, e.geo.p1.y});
            const float x1 = std::max({e.geo.p0.x, e.geo.c1.x, e.geo.c2.x, e.geo.p1.x});
            const float y1 = std::max({e.geo.p0.y, e.geo.c1.y, e.geo.c2.y, e.geo.p1.y});
            e.bounds = {x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16};
            e.in_cycle = n.cycle >= 0 && an.cycle_of(e.to) == n.cycle;
            e.changed = st.diff.field_changed(obj.id, f.name);
            scene_.edges.push_back(std::move(e));
        }
        scene_.nodes.push_back(std::move(n));
    }
}

void HeapPanel::draw(PanelContext& ctx) {
    const trace::HeapState& st = ctx.state;
    const Theme& th = ctx.theme;
    Document& doc = ctx.doc;
    const trace::HeapAnalysis& an = doc.analysis();
    ImFont* font = ImGui::GetFont();
    const float fsize = ImGui::GetFontSize();

    ImGui::Text("%zu live objects, %zu in cycles, %zu unreachable but alive (garbage for the collector)", st.objects.size(),
                scene_.step == st.step && scene_.doc == &doc ? scene_.cycle_objects : size_t{0},
                an.unreachable.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fsize * 7);
    ImGui::SliderFloat("zoom", &zoom_, 0.25f, 2.0f, "%.2f");
    ImGui::SameLine();
    ImGui::Checkbox("all references", &show_all_edges_);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("With more than %d references on screen, only cycles, the why-alive path, changed\n"
                          "references and those of the selected or hovered object are drawn.", static_cast<int>(kMaxEdges));

    // Why alive: the selected object's path from a root.
    if (ctx.view.selected && (path_step_ != st.step || path_for_ != ctx.view.selected)) {
        path_ = trace::why_alive(st, ctx.view.selected);
        path_step_ = st.step;
        path_for_ = ctx.view.selected;
    }
    std::vector<std::pair<trace::ObjectId, trace::ObjectId>> path_edges;
    if (ctx.view.selected) {
        if (!st.alive(ctx.view.selected)) {
            ImGui::TextDisabled("selected #%llu is not alive at this step", static_cast<unsigned long long>(ctx.view.selected));
        } else if (path_) {
            std::string text = "why alive: ";
            for (size_t i = 0; i < path_->size(); ++i) {
                const auto& link = (*path_)[i];
                text += st.label(link.object);
                if (!link.field.empty()) text += " ." + link.field + " \xE2\x86\x92 ";
                if (i + 1 < path_->size()) path_edges.push_back({link.object, (*path_)[i + 1].object});
            }
            ImGui::TextColored(ImVec4(0, 0.55f, 0.24f, 1), "%s", text.c_str());
        } else {
            ImGui::TextColored(ImVec4(0.6f, 0.25f, 0.65f, 1), "why alive: %s is not reachable from any root%s",
                               st.label(ctx.view.selected).c_str(),
                               an.is_unreachable(ctx.view.selected) ? " (kept alive only by a reference cycle)" : "");
        }
    } else {
        ImGui::TextDisabled("click an object to see why it is alive");
    }
    auto on_path = [&](trace::ObjectId a, trace::ObjectId b) {
        for (const auto& [x, y] : path_edges)
            if (x == a && y == b) return true;
        return false;
    };

    view::GraphOptions o;
    o.node_w = fsize * 11 * zoom_;
    o.node_h = fsize * 2.6f * zoom_;
    o.gap_x = fsize * 2.2f * zoom_;
    o.gap_y = fsize * 1.8f * zoom_;
    o.lane_gap = std::max(fsize * 1.5f * zoom_, fsize * 1.3f);   // room for the lane caption at any zoom
    ImGui::BeginChild("heap_canvas", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    const float avail = ImGui::GetContentRegionAvail().x;
    o.columns = std::max(2, static_cast<int>((avail + o.gap_x) / (o.node_w + o.gap_x)));
    if (scene_.doc != &doc || scene_.step != st.step || scene_.zoom != zoom_ || scene_.font != fsize ||
        scene_.columns != o.columns)
        build_scene(ctx, o, fsize, o.columns);
    const view::StableGraphLayout& layout = doc.graph();
    const view::Vec2 size = layout.size(o);
    const ImVec2 origin(ImGui::GetCursorScreenPos().x + 4, ImGui::GetCursorScreenPos().y + 4 + fsize);
    ImGui::Dummy(ImVec2(size.x + 8, size.y + 8 + fsize));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wmin = ImGui::GetWindowPos();
    const ImVec2 wmax(wmin.x + ImGui::GetWindowSize().x, wmin.y + ImGui::GetWindowSize().y);
    // The visible part of the canvas, in canvas coordinates.
    const view::Rect view_rect{wmin.x - origin.x, wmin.y - origin.y, wmax.x - wmin.x, wmax.y - wmin.y};

    // Lane captions.
    static const char* lane_names[LaneCount] = {"roots", "frames", "generators / coroutines",
                                                "event loop: loop, handles, tasks, futures",
                                                "exceptions / tracebacks", "code, functions, cells", "other objects"};
    for (int l = 0; l < layout.lanes() && l < LaneCount; ++l) {
        if (layout.slots_in_lane(l) == 0) continue;
        const float y = origin.y + layout.lane_top(l, o) - fsize - 2;
        dl->AddText(font, fsize * std::max(zoom_, 0.7f), ImVec2(origin.x, y), th.text_dim, lane_names[l]);
    }

    // Level of detail: text only where it can be read; sharp square boxes (no
    // anti-aliased fringe, four vertices each).
    const bool text = o.node_h >= fsize * 1.6f;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovered = ImGui::IsWindowHovered();
    trace::ObjectId hovered_id = 0;

    // Edges first, nodes over them. With many references on screen (a hairball, and slow
    // to rasterise in software) only the telling ones are drawn: cycles, the why-alive
    // path, references changed in this step, and those of the selected / hovered object.
    size_t visible_edges = 0;
    for (const auto& e : scene_.edges) visible_edges += e.bounds.overlaps(view_rect);
    const bool many = visible_edges > kMaxEdges && !show_all_edges_;
    trace::ObjectId focus = ctx.view.selected;
    for (const auto& n : scene_.nodes)
        if (hovered && n.rect.contains({mouse.x - origin.x, mouse.y - origin.y})) focus = n.id;
    size_t hidden = 0;
    for (const auto& e : scene_.edges) {
        if (!e.bounds.overlaps(view_rect)) continue;
        const bool path = !path_edges.empty() && on_path(e.from, e.to);
        const bool touches = focus && (e.from == focus || e.to == focus);
        if (many && !path && !e.in_cycle && !e.changed && !touches) {
            ++hidden;
            continue;
        }
        const ImU32 color = path ? th.path
                            : e.in_cycle ? th.cycle
                            : e.changed ? th.changed
                            : touches ? th.selected
                                      : IM_COL32(90, 110, 160, 150);
        const float w = path || e.in_cycle || touches ? 2.0f : 1.0f;   // whole pixels draw cheaply
        draw_arrow(dl, to_im(e.geo.p0, origin), to_im(e.geo.c1, origin), to_im(e.geo.c2, origin),
                   to_im(e.geo.p1, origin), color, w, fsize * 0.45f * std::min(1.0f, zoom_));
    }
    const float pad = 3.0f * zoom_;
    const float tsize = fsize * std::clamp(zoom_, 0.6f, 1.2f);
    for (auto& n : scene_.nodes) {
        if (!n.rect.overlaps(view_rect)) continue;
        const ImVec2 a(origin.x + n.rect.x, origin.y + n.rect.y), b(origin.x + n.rect.right(), origin.y + n.rect.bottom());
        const bool selected = ctx.view.selected == n.id;
        // Garbage is hatched; on nodes too small for text a flat tint says the same with
        // one rectangle instead of a dozen lines.
        dl->AddRectFilled(a, b, n.garbage && !text ? IM_COL32(222, 200, 230, 255) : th.box_fill);
        if (n.garbage && text) draw_hatch(dl, a, b, IM_COL32(170, 110, 190, 140), 7.0f);
        ImU32 border = th.box_border;
        float bw = 1.0f;
        if (n.cycle >= 0) { border = th.cycle; bw = 2.0f; }
        if (n.created) { border = th.changed; bw = 2.0f; }
        if (selected) { border = th.selected; bw = 3.0f; }
        dl->AddRect(a, b, border, 0.0f, 0, bw);
        if (text) {
            if (n.title.empty()) {
                n.title = st.label(n.id);
                char line2[96];
                std::snprintf(line2, sizeof line2, "#%llu  rc %lld%s", static_cast<unsigned long long>(n.id),
                              static_cast<long long>(n.refcount), n.garbage ? "  garbage" : (n.cycle >= 0 ? "  cycle" : ""));
                n.detail = line2;
            }
            const ImVec4 clip(a.x, a.y, b.x - pad, b.y);
            dl->AddText(font, tsize, ImVec2(a.x + pad, a.y + pad), th.text, n.title.c_str(), nullptr, 0, &clip);
            dl->AddText(font, tsize, ImVec2(a.x + pad, a.y + pad + tsize), n.rc_changed ? th.changed : th.text_dim,
                        n.detail.c_str(), nullptr, 0, &clip);
        }
        if (hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) hovered_id = n.id;
    }
    if (hidden) {
        char note[128];
        std::snprintf(note, sizeof note, "%zu references not drawn: hover or select an object, or tick \"all references\"",
                      hidden);
        // On a plate of its own: it sits over whatever part of the graph is at the bottom.
        const ImVec2 at(wmin.x + 8, wmax.y - fsize - 8 - ImGui::GetStyle().ScrollbarSize);
        const ImVec2 note_size = font->CalcTextSizeA(fsize, FLT_MAX, 0.0f, note);
        dl->AddRectFilled(ImVec2(at.x - 3, at.y - 2), ImVec2(at.x + note_size.x + 3, at.y + note_size.y + 2), th.box_fill);
        dl->AddText(font, fsize, at, th.text_dim, note);
    }
    if (hovered_id) {
        const trace::ObjectState* obj = st.find(hovered_id);
        std::string tip = st.label(hovered_id) + "  (#" + std::to_string(hovered_id) + ", refcount " +
                          std::to_string(obj->refcount) + ")";
        size_t shown = 0;
        for (const auto& f : obj->fields) {
            if (++shown > 14) { tip += "\n  ..."; break; }
            tip += "\n  " + f.name + " = " + view::elide(view::value_text(f.value), 40);
        }
        ImGui::SetTooltip("%s", tip.c_str());
        if (ImGui::IsMouseClicked(0)) ctx.view.selected = hovered_id;
    } else if (hovered && ImGui::IsMouseClicked(0)) {
        ctx.view.selected = 0;
    }
    ImGui::EndChild();
}

}  // namespace ys::gui
