#include "gui/panel_exceptions.h"

#include <imgui.h>

#include <unordered_set>

#include "gui/draw.h"
#include "view/struct_layout.h"

namespace ys::gui {

namespace {

// "ZeroDivisionError: division by zero" for an exception object, "NULL" for none.
std::string exc_text(const trace::HeapState& st, const trace::Value& v) {
    if (v.kind == trace::Value::Kind::Null) return "NULL";
    if (v.kind != trace::Value::Kind::Ref) return view::value_text(v);
    const trace::ObjectState* o = st.find(v.ref);
    if (!o) return view::pointee_text(st, v);
    std::string s = o->type;
    const std::string msg = o->text("str");
    if (!msg.empty() && msg != "''") s += ": " + msg;
    return s;
}

}  // namespace

void ExceptionsPanel::draw(PanelContext& ctx) {
    const trace::HeapState& st = ctx.state;
    const Theme& th = ctx.theme;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float pad = 4.0f;
    ImGui::BeginChild("exc_canvas", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = std::max(ImGui::GetContentRegionAvail().x - 8, size * 16);
    const float item_h = size * 2 + pad * 3;
    float y = origin.y;
    const float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowSize().y;

    dl->AddText(font, size, ImVec2(origin.x, y), th.text_dim, "thread exc_info chain (top first)");
    y += size + pad;
    std::unordered_set<trace::ObjectId> on_chain;
    if (st.exc_chain.empty()) {
        dl->AddText(font, size, ImVec2(origin.x, y), th.text_dim, "(empty)");
        y += size + pad;
    }
    for (size_t i = 0; i < st.exc_chain.size(); ++i) {
        const trace::ExcItem& item = st.exc_chain[i];
        on_chain.insert(item.owner);
        const ImVec2 a(origin.x, y), b(origin.x + w, y + item_h);
        const bool thread = item.owner == st.thread_state;
        const std::string prefix = thread ? "exc_state" : std::string(trace::gen_prefix(st.find(item.owner) ? st.find(item.owner)->type : "")) + "exc_state";
        const std::string field = thread ? "exc_state.exc_value" : prefix + ".exc_value";
        const bool changed = st.diff.field_changed(item.owner, field) ||
                             st.diff.field_changed(item.owner, thread ? "exc_info" : prefix + ".previous_item");
        dl->AddRectFilled(a, b, th.box_fill);
        dl->AddRect(a, b, changed ? th.changed : th.box_border, 0, 0, changed ? 2.0f : 1.0f);
        const std::string owner = (thread ? std::string("thread state (base item)") : st.label(item.owner) + "." + prefix);
        dl->AddText(font, size, ImVec2(a.x + pad, a.y + pad), th.text_dim, owner.c_str());
        const std::string value = "exc_value = " + exc_text(st, item.exc_value);
        const ImVec4 clip(a.x, a.y, b.x - pad, b.y);
        dl->AddText(font, size, ImVec2(a.x + pad, a.y + pad * 2 + size),
                    item.exc_value.kind == trace::Value::Kind::Null ? th.text_dim : IM_COL32(180, 30, 30, 255),
                    value.c_str(), nullptr, 0, &clip);
        y += item_h;
        if (i + 1 < st.exc_chain.size()) {
            draw_line_arrow(dl, ImVec2(origin.x + size, y), ImVec2(origin.x + size, y + size * 1.2f), th.arrow,
                            th.line_thickness, size * 0.45f);
            dl->AddText(font, size * 0.85f, ImVec2(origin.x + size + 6, y + 1), th.text_dim, "previous_item");
            y += size * 1.2f;
        }
    }

    y += size;
    dl->AddText(font, size, ImVec2(origin.x, y), th.text_dim, "saved in suspended generators");
    y += size + pad;
    bool any = false;
    for (const auto& o : st.objects) {
        const std::string_view prefix = trace::gen_prefix(o.type);
        if (prefix.empty() || on_chain.count(o.id)) continue;
        const std::string field = std::string(prefix) + "exc_state.exc_value";
        const trace::Value* v = o.field(field);
        if (!v) continue;
        any = true;
        if (y + item_h < clip_top || y > clip_bottom) {   // off screen
            y += item_h + pad;
            continue;
        }
        const bool changed = st.diff.field_changed(o.id, field);
        const ImVec2 a(origin.x, y), b(origin.x + w, y + item_h);
        fill_box(dl, a, b, th.suspended_fill);
        dl->AddRect(a, b, changed ? th.changed : th.suspended, 0, 0, changed ? 2.0f : 1.0f);
        const std::string owner = st.label(o.id) + "." + std::string(prefix) + "exc_state";
        dl->AddText(font, size, ImVec2(a.x + pad, a.y + pad), th.text_dim, owner.c_str());
        const std::string value = "exc_value = " + exc_text(st, *v);
        const ImVec4 clip(a.x, a.y, b.x - pad, b.y);
        dl->AddText(font, size, ImVec2(a.x + pad, a.y + pad * 2 + size),
                    v->kind == trace::Value::Kind::Null ? th.text_dim : IM_COL32(180, 30, 30, 255), value.c_str(),
                    nullptr, 0, &clip);
        y += item_h + pad;
    }
    if (!any) {
        dl->AddText(font, size, ImVec2(origin.x, y), th.text_dim, "(none)");
        y += size;
    }
    ImGui::Dummy(ImVec2(w, y - origin.y + pad));
    ImGui::EndChild();
}

}  // namespace ys::gui
