// Settings that persist between runs, kept in the same ini file as ImGui's window layout
// ($XDG_CONFIG_HOME/yieldscope/imgui.ini, else ~/.config/yieldscope/imgui.ini): recent
// files, play speed, layout profile, visible and presented panels, the timeline filter.
#pragma once

#include <string>
#include <vector>

#include "gui/view_state.h"

namespace ys::gui {

struct Settings {
    std::vector<std::string> recent;    // most recent first
    std::string browser_dir;            // where the file browser was last
};

// The config folder (created if missing); "" when neither XDG_CONFIG_HOME nor HOME is set.
std::string config_dir();
std::string ini_path();

// Registers an ImGui settings handler reading / writing `settings` and `view`. Call after
// the ImGui context exists and before the first frame; the pointers must outlive the
// context or be released with unregister_settings().
void register_settings(Settings* settings, ViewState* view);
void unregister_settings();

void add_recent(Settings& settings, const std::string& path);
bool trace_kind_from_int(int value, trace::EventKind& out);

}  // namespace ys::gui
