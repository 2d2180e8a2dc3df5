#include "gui/settings.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace ys::gui {

namespace {

Settings* g_settings = nullptr;
ViewState* g_view = nullptr;

void* read_open(ImGuiContext*, ImGuiSettingsHandler*, const char* name) {
    return std::strcmp(name, "Main") == 0 ? reinterpret_cast<void*>(1) : nullptr;
}

void read_line(ImGuiContext*, ImGuiSettingsHandler*, void*, const char* line) {
    if (!g_settings || !g_view) return;
    const char* eq = std::strchr(line, '=');
    if (!eq) return;
    const std::string key(line, eq), value(eq + 1);
    auto as_int = [&] { return std::atoll(value.c_str()); };
    if (key == "Recent") {
        if (!value.empty() && g_settings->recent.size() < 12) g_settings->recent.push_back(value);
    } else if (key == "BrowserDir") {
        g_settings->browser_dir = value;
    } else if (key == "Speed") {
        g_view->speed = std::clamp(static_cast<float>(std::atof(value.c_str())), 0.25f, 60.0f);
    } else if (key == "Profile") {
        g_view->profile = as_int() == 1 ? view::LayoutProfile::CPython37 : view::LayoutProfile::CPython311;
    } else if (key == "JumpKind") {
        trace::EventKind k;
        if (trace_kind_from_int(static_cast<int>(as_int()), k)) g_view->jump_kind = k;
    } else if (key == "Filter") {
        g_view->filter = std::strtoull(value.c_str(), nullptr, 16);
    } else if (key == "Visible" || key == "Presented") {
        auto& flags = key == "Visible" ? g_view->visible : g_view->presented;
        for (size_t i = 0; i < flags.size() && i < value.size(); ++i) flags[i] = value[i] == '1';
    }
}

void write_all(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
    if (!g_settings || !g_view) return;
    out->appendf("[%s][Main]\n", handler->TypeName);
    for (const auto& r : g_settings->recent) out->appendf("Recent=%s\n", r.c_str());
    if (!g_settings->browser_dir.empty()) out->appendf("BrowserDir=%s\n", g_settings->browser_dir.c_str());
    out->appendf("Speed=%.2f\n", g_view->speed);
    out->appendf("Profile=%d\n", g_view->profile == view::LayoutProfile::CPython37 ? 1 : 0);
    out->appendf("JumpKind=%d\n", static_cast<int>(g_view->jump_kind));
    out->appendf("Filter=%llx\n", static_cast<unsigned long long>(g_view->filter));
    std::string v, p;
    for (bool b : g_view->visible) v += b ? '1' : '0';
    for (bool b : g_view->presented) p += b ? '1' : '0';
    out->appendf("Visible=%s\nPresented=%s\n\n", v.c_str(), p.c_str());
}

}  // namespace

bool trace_kind_from_int(int value, trace::EventKind& out) {
    if (value < 0 || value > static_cast<int>(trace::EventKind::FreeListReuse)) return false;
    out = static_cast<trace::EventKind>(value);
    return true;
}

std::string config_dir() {
    namespace fs = std::filesystem;
    std::string base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = std::string(h) + "/.config";
    else
        return {};
    const std::string dir = base + "/yieldscope";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return ec ? std::string() : dir;
}

std::string ini_path() {
    const std::string dir = config_dir();
    return dir.empty() ? std::string() : dir + "/imgui.ini";
}

void register_settings(Settings* settings, ViewState* view) {
    g_settings = settings;
    g_view = view;
    ImGuiSettingsHandler handler;
    handler.TypeName = "Yieldscope";
    handler.TypeHash = ImHashStr("Yieldscope");
    handler.ReadOpenFn = read_open;
    handler.ReadLineFn = read_line;
    handler.WriteAllFn = write_all;
    ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
}

void unregister_settings() {
    g_settings = nullptr;
    g_view = nullptr;
}

void add_recent(Settings& settings, const std::string& path) {
    std::error_code ec;
    std::string abs = std::filesystem::absolute(path, ec).lexically_normal().string();
    if (ec) abs = path;
    settings.recent.erase(std::remove(settings.recent.begin(), settings.recent.end(), abs), settings.recent.end());
    settings.recent.insert(settings.recent.begin(), abs);
    if (settings.recent.size() > 10) settings.recent.resize(10);
}

}  // namespace ys::gui
