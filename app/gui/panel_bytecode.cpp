#include "gui/panel_bytecode.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "lang/opcodes.h"
#include "view/followed_frame.h"

namespace ys::gui {

namespace {

std::string const_repr(const Constant& c) {
    switch (c.kind) {
    case Constant::Kind::None: return "None";
    case Constant::Kind::True: return "True";
    case Constant::Kind::False: return "False";
    case Constant::Kind::Ellipsis: return "Ellipsis";
    case Constant::Kind::Int: return std::to_string(c.int_value);
    case Constant::Kind::BigInt: return c.text;
    case Constant::Kind::Float: {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", c.float_value);
        return buf;
    }
    case Constant::Kind::Str: return "'" + c.text + "'";
    case Constant::Kind::Tuple:
    case Constant::Kind::FrozenSet: {
        std::string s = c.kind == Constant::Kind::Tuple ? "(" : "frozenset({";
        for (size_t i = 0; i < c.items.size(); ++i) s += (i ? ", " : "") + const_repr(c.items[i]);
        if (c.kind == Constant::Kind::Tuple && c.items.size() == 1) s += ",";
        return s + (c.kind == Constant::Kind::Tuple ? ")" : "})");
    }
    case Constant::Kind::Code: return "<code object " + (c.code ? c.code->co_name : std::string("?")) + ">";
    }
    return "?";
}

}  // namespace

std::vector<ListingRow> list_instructions(const CodeObject& code) {
    std::vector<ListingRow> rows;
    const int units = code.code_units();
    int ext = 0;
    int last_line = -2;
    for (int u = 0; u < units; ++u) {
        const unsigned char op = code.co_code[static_cast<size_t>(2 * u)];
        const int arg = code.co_code[static_cast<size_t>(2 * u + 1)] | ext;
        const OpInfo& info = op_info(op);
        if (op == static_cast<unsigned char>(Op::CACHE)) continue;
        if (op == static_cast<unsigned char>(Op::EXTENDED_ARG)) {
            ext = arg << 8;
        } else {
            ext = 0;
        }
        ListingRow row;
        row.offset = 2 * u;
        const int line = code.line_of_unit(u);
        row.line = line != last_line ? line : -1;
        last_line = line;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%-22s", info.name ? info.name : "<unknown>");
        row.text = buf;
        if (row.text.back() != ' ') row.text += ' ';   // a long opname still leaves a gap
        if (info.flags & OPF_ARG) {
            row.text += std::to_string(arg);
            std::string repr;
            const auto name_at = [&](const std::vector<std::string>& v, int i) {
                return i >= 0 && i < static_cast<int>(v.size()) ? v[static_cast<size_t>(i)] : std::string("?");
            };
            const std::string name = info.name ? info.name : "";
            if (name == "LOAD_CONST" || name == "KW_NAMES") {
                if (arg < static_cast<int>(code.co_consts.size())) repr = const_repr(code.co_consts[static_cast<size_t>(arg)]);
            } else if (name == "LOAD_FAST" || name == "STORE_FAST" || name == "DELETE_FAST" ||
                       name == "LOAD_CLOSURE" || name == "LOAD_DEREF" || name == "STORE_DEREF" ||
                       name == "MAKE_CELL" || name == "DELETE_DEREF" || name == "LOAD_CLASSDEREF") {
                repr = name_at(code.co_localsplusnames, arg);
            } else if (name == "LOAD_GLOBAL") {
                repr = ((arg & 1) ? "NULL + " : "") + name_at(code.co_names, arg >> 1);
            } else if (name == "LOAD_NAME" || name == "STORE_NAME" || name == "DELETE_NAME" ||
                       name == "LOAD_ATTR" || name == "STORE_ATTR" || name == "DELETE_ATTR" ||
                       name == "LOAD_METHOD" || name == "IMPORT_NAME" || name == "IMPORT_FROM" ||
                       name == "STORE_GLOBAL" || name == "DELETE_GLOBAL") {
                repr = name_at(code.co_names, arg);
            } else if (name == "BINARY_OP") {
                repr = nb_op_text(static_cast<unsigned>(arg));
            } else if (name == "COMPARE_OP" && arg >= 0 && arg < 6) {
                repr = kCmpOpText[arg];
            } else if (info.flags & (OPF_JFWD | OPF_JBACK)) {
                const int next = u + 1 + info.cache_entries;
                const int target = (info.flags & OPF_JBACK) ? next - arg : next + arg;
                repr = "to " + std::to_string(2 * target);
            }
            if (!repr.empty()) row.text += " (" + repr + ")";
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

BytecodePanel::Target BytecodePanel::target(PanelContext& ctx) {
    const view::FollowedFrame ff = view::followed_frame(ctx.state);
    Target t;
    t.code_id = ff.code ? ff.code : ctx.doc.code_of_frame(ff.frame);
    t.code = t.code_id ? ctx.doc.trace().code(t.code_id) : nullptr;
    t.lasti = ff.lasti;
    t.suspended = ff.suspended;
    if (!t.code) {
        // Before the first frame exists: the module's listing, nothing marked.
        t.lasti = -1;
        for (const auto& [id, c] : ctx.doc.trace().codes)
            if (c && c->co_name == "<module>") {
                t.code = c.get();
                t.code_id = id;
                break;
            }
    }
    return t;
}

static const std::string& code_name(const CodeObject& code) {
    return code.co_qualname.empty() ? code.co_name : code.co_qualname;
}

std::string BytecodePanel::title_detail(PanelContext& ctx) {
    const Target t = target(ctx);
    return t.code ? code_name(*t.code) : std::string();
}

void BytecodePanel::draw(PanelContext& ctx) {
    const trace::HeapState& st = ctx.state;
    const Target t = target(ctx);
    const CodeObject* code = t.code;
    const trace::ObjectId code_id = t.code_id;
    const int lasti = t.lasti;
    if (!code) {
        ImGui::TextDisabled("No code object is running at this step.");
        return;
    }
    if (code != listed_) {
        listed_ = code;
        rows_ = list_instructions(*code);
        scrolled_to_ = -2;
    }
    ImGui::Text("code %s", code_name(*code).c_str());
    ImGui::SameLine();
    if (lasti >= 0)
        ImGui::TextDisabled("  f_lasti %d%s", lasti, t.suspended ? "  (suspended generator frame)" : "");
    else
        ImGui::TextDisabled("  (not started)");
    const float h = ImGui::GetTextLineHeightWithSpacing();
    int current_row = -1;
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].offset == lasti) current_row = static_cast<int>(i);
    if (scrolled_to_ == -2) {
        // A new listing: scroll in this very frame (SetScrollY would land one frame late,
        // showing the old scroll offset over a shorter listing: an empty panel).
        const float y = static_cast<float>(std::max(current_row, 0)) * h;
        ImGui::SetNextWindowScroll(ImVec2(0.0f, std::max(0.0f, y - ImGui::GetContentRegionAvail().y * 0.4f)));
        // Still checked below: a child window seen for the first time clamps that scroll
        // to its (not yet known) content height.
        scrolled_to_ = -3;
    }
    ImGui::BeginChild("bytecode_rows", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (current_row != scrolled_to_) {
        if (current_row >= 0) {
            const float y = static_cast<float>(current_row) * h;
            if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + ImGui::GetWindowHeight() - 2 * h)
                ImGui::SetScrollY(std::max(0.0f, y - ImGui::GetWindowHeight() * 0.4f));
        }
        scrolled_to_ = current_row;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ListingRow& r = rows_[static_cast<size_t>(i)];
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const bool here = i == current_row;
            if (here)
                dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetWindowWidth() + ImGui::GetScrollX(), p.y + h),
                                  ctx.theme.current_line);
            char head[48];
            if (r.line >= 0)
                std::snprintf(head, sizeof head, "%4d %s %5d ", r.line, here ? "\xE2\x96\xB6" : " ", r.offset);
            else
                std::snprintf(head, sizeof head, "     %s %5d ", here ? "\xE2\x96\xB6" : " ", r.offset);
            ImGui::PushID(i);
            if (ImGui::Selectable("##ins", false, ImGuiSelectableFlags_AllowItemOverlap)) {
                const int64_t s = ctx.doc.next_step_at(code_id, r.offset, st.step);
                if (s >= 0) ctx.go_to(static_cast<uint64_t>(s));
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click: go to the next step stopped at offset %d", r.offset);
            ImGui::SameLine(0, 0);
            ImGui::SetCursorScreenPos(p);
            ImGui::TextDisabled("%s", head);
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(r.text.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace ys::gui
