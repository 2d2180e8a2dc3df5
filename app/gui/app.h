// The application shell: menus, toolbar, keyboard controls, playback, presentation mode,
// window tiling, opening files (menu, browser, drops, recent), and the panels.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "gui/document.h"
#include "gui/file_browser.h"
#include "gui/loader.h"
#include "gui/panel.h"
#include "gui/platform.h"
#include "gui/settings.h"
#include "gui/view_state.h"
#include "view/geometry.h"

namespace ys::gui {

class App {
public:
    explicit App(Platform& platform);
    ~App();

    // Starts opening a file on a background thread; the current trace stays on screen
    // and usable until the new one is ready. On failure the error is shown and the
    // current trace stays open. Returns false when another load is still running.
    bool open_path(const std::string& path);
    bool loading() const { return loader_.busy(); }
    // Called once per frame: installs a finished load (or shows its error).
    void poll_loader();
    void set_document(std::unique_ptr<Document> doc);
    Document* document() { return doc_.get(); }
    ViewState& view() { return view_; }
    Settings& settings() { return settings_; }
    const std::string& error() const { return error_; }
    void set_error(std::string e) { error_ = std::move(e); }

    // Draws one frame's UI (between Platform::begin_frame and end_frame).
    void frame();
    // Moves to a step (clamped) and stops nothing else.
    void go_to(uint64_t step);
    // True while something moves by itself (playback); the loop then wakes up on time.
    bool animating() const { return view_.playing; }
    double seconds_to_next_tick() const;
    // Persist settings now (called before the ImGui context goes away).
    void save_settings();
    bool quit_requested() const { return quit_; }

private:
    void create_panels();
    void handle_keys();
    void tick_playback();
    void draw_menu();
    void draw_toolbar(float y, float height);
    void draw_error_bar();
    void draw_loading();
    void draw_panels(float top);
    void draw_caption(float y, float height);
    bool overlaps_other_window(PanelId id, float top) const;
    void draw_help();
    void step_by(int64_t delta);
    void jump(bool forward);
    void save_trace(const std::string& path);
    std::vector<std::string> example_files(const std::string& dir) const;

    Platform& platform_;
    std::unique_ptr<Document> doc_;
    ViewState view_;
    Settings settings_;
    FileBrowser browser_;
    Loader loader_;
    bool browser_saving_ = false;
    std::array<std::unique_ptr<Panel>, PanelCount> panels_;
    std::array<view::Rect, PanelCount> panel_rects_{};   // where each panel was last frame
    std::string error_;
    std::string status_;
    bool show_help_ = false;
    bool quit_ = false;
    bool high_contrast_ = false;
    std::string ini_;
};

}  // namespace ys::gui
