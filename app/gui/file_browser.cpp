#include "gui/file_browser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

namespace ys::gui {

namespace fs = std::filesystem;

namespace {
bool wanted(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".py" || ext == ".json" || ext == ".ystrace";
}
}  // namespace

void FileBrowser::open(Mode mode, const std::string& dir, const std::string& file_name) {
    mode_ = mode;
    std::error_code ec;
    dir_ = !dir.empty() && fs::is_directory(dir, ec) ? dir : fs::current_path(ec).string();
    name_ = file_name;
    error_.clear();
    want_open_ = true;
    list();
}

void FileBrowser::list() {
    entries_.clear();
    std::error_code ec;
    for (fs::directory_iterator it(dir_, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const fs::path p = it->path();
        const std::string name = p.filename().string();
        if (!name.empty() && name[0] == '.') continue;
        std::error_code e2;
        const bool dir = it->is_directory(e2);
        if (!dir && !show_all_ && !wanted(p)) continue;
        entries_.push_back({name, dir});
    }
    if (ec) error_ = dir_ + ": " + ec.message();
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
        return a.is_dir != b.is_dir ? a.is_dir : a.name < b.name;
    });
}

bool FileBrowser::draw(std::string& chosen) {
    const char* title = mode_ == Mode::Open ? "Open a program or trace###file_browser" : "Save trace as###file_browser";
    if (want_open_) {
        ImGui::OpenPopup(title);
        want_open_ = false;
    }
    bool done = false;
    const ImVec2 size(ImGui::GetFontSize() * 46, ImGui::GetFontSize() * 28);
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr)) return false;
    ImGui::TextWrapped("%s", dir_.c_str());
    if (ImGui::Button("Up")) {
        dir_ = fs::path(dir_).parent_path().string();
        if (dir_.empty()) dir_ = "/";
        list();
    }
    ImGui::SameLine();
    if (ImGui::Checkbox("all files", &show_all_)) list();
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
    std::string enter_dir;
    for (const auto& e : entries_) {
        const std::string label = (e.is_dir ? "[dir]  " : "       ") + e.name;
        if (ImGui::Selectable(label.c_str(), !e.is_dir && e.name == name_, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.is_dir) {
                enter_dir = (fs::path(dir_) / e.name).string();
            } else {
                name_ = e.name;
                if (ImGui::IsMouseDoubleClicked(0)) {
                    chosen = (fs::path(dir_) / name_).string();
                    done = true;
                }
            }
        }
    }
    ImGui::EndChild();
    if (!enter_dir.empty()) {
        dir_ = enter_dir;
        list();
    }
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 14);
    const bool entered = ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const bool ok = ImGui::Button(mode_ == Mode::Open ? "Open" : "Save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    if ((ok || entered) && !name_.empty()) {
        fs::path p(name_);
        if (p.is_relative()) p = fs::path(dir_) / p;
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            dir_ = p.lexically_normal().string();
            name_.clear();
            list();
        } else {
            chosen = p.lexically_normal().string();
            done = true;
        }
    }
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    if (done) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return done;
}

}  // namespace ys::gui
