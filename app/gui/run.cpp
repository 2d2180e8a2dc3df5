// The frame loop: an interactive window that sleeps while idle, the offscreen screenshot,
// and the frame-time benchmark.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "gui/app.h"
#include "gui/gui.h"
#include "gui/platform.h"
#include "gui/settings.h"

namespace ys::gui {

namespace {

std::unique_ptr<Document> load(const std::string& file) {
    return file.empty() ? Document::open_default() : Document::open(file);
}

// Renders `frames` frames at each step of `steps`, returns the mean ms per frame.
double timed_frames(Platform& platform, App& app, const std::vector<uint64_t>& steps, int per_step) {
    const auto t0 = std::chrono::steady_clock::now();
    int n = 0;
    for (uint64_t s : steps) {
        app.go_to(s);
        for (int i = 0; i < per_step; ++i, ++n) {
            platform.wait(-1);
            platform.begin_frame();
            app.frame();
            platform.end_frame();
        }
    }
    const auto t1 = std::chrono::steady_clock::now();
    return n ? std::chrono::duration<double, std::milli>(t1 - t0).count() / n : 0.0;
}

int bench(Platform& platform, App& app, int64_t frames) {
    Document& doc = *app.document();
    // Warm up (font atlas upload, first layout).
    timed_frames(platform, app, {0}, 3);
    // The step with the most live objects.
    uint64_t busiest = 0;
    size_t most = 0;
    const uint64_t probes = std::min<uint64_t>(doc.step_count(), 200);
    for (uint64_t i = 0; i < probes; ++i) {
        const uint64_t s = probes > 1 ? i * doc.last_step() / (probes - 1) : 0;
        const size_t live = doc.seek(s).objects.size();
        if (live >= most) { most = live; busiest = s; }
    }
    const double still = timed_frames(platform, app, {busiest}, static_cast<int>(frames));
    std::vector<uint64_t> scrub;
    for (int64_t i = 0; i < frames; ++i)
        scrub.push_back(frames > 1 ? static_cast<uint64_t>(i) * doc.last_step() / static_cast<uint64_t>(frames - 1) : 0);
    const double moving = timed_frames(platform, app, scrub, 1);
    std::printf("bench: %s, %llu steps, %dx%d\n", doc.display_name().c_str(),
                static_cast<unsigned long long>(doc.step_count()), platform.width(), platform.height());
    std::printf("still at step %llu (%zu live objects): %.2f ms/frame over %lld frames\n",
                static_cast<unsigned long long>(busiest), most, still, static_cast<long long>(frames));
    std::printf("scrubbing across all steps: %.2f ms/frame over %lld frames\n", moving, static_cast<long long>(frames));
    return 0;
}

}  // namespace

int run_window(const WindowOptions& options, std::string& error) {
    if (!display_available()) {
        error = "neither DISPLAY nor WAYLAND_DISPLAY is set";
        return kNoDisplay;
    }
    // Load before the window opens. A bad file given on the command line opens the window
    // on the default example with the error shown (the benchmark just fails).
    const bool benching = options.bench_frames > 0;
    std::unique_ptr<Document> doc;
    std::string open_error;
    try {
        doc = load(options.file);
    } catch (const std::exception& e) {
        if (benching || options.file.empty()) {
            error = e.what();
            return 1;
        }
        open_error = std::string("Could not open ") + options.file + ": " + e.what();
        try {
            doc = Document::open_default();
        } catch (const std::exception&) {
            error = open_error;
            return 1;
        }
    }
    Platform platform;
    PlatformOptions po;
    po.visible = !benching;
    po.vsync = !benching;
    po.ini_path = benching ? std::string() : ini_path();
    if (!platform.init(po, error)) return kNoDisplay;
    if (benching && !platform.enable_offscreen(po.width, po.height, error)) return 1;
    App app(platform);
    app.set_document(std::move(doc));
    if (!open_error.empty())
        app.set_error(open_error);
    else if (!options.file.empty())
        add_recent(app.settings(), options.file);
    if (benching) {
        // YS_BENCH_PANEL=NAME times one panel alone (to find which one is slow).
        if (const char* only = std::getenv("YS_BENCH_PANEL"); only && *only) {
            PanelId id;
            if (parse_panel(only, id)) {
                app.view().single_panel = true;
                app.view().only_panel = id;
            }
        }
        return bench(platform, app, options.bench_frames);
    }

    // Wake-ups: input events, playback ticks, and a few frames after each event so
    // ImGui settles (hover, animations); otherwise block (no CPU while idle).
    int settle = 3;
    while (!platform.should_close() && !app.quit_requested()) {
        if (app.animating())
            platform.wait(app.seconds_to_next_tick());
        else if (settle > 0)
            platform.wait(-1);
        else
            platform.wait(0);
        settle = settle > 0 ? settle - 1 : 2;
        for (const auto& path : platform.take_drops()) app.open_path(path);
        platform.begin_frame();
        app.frame();
        platform.end_frame();
        if (ImGui::GetIO().WantTextInput || ImGui::IsMouseDragging(0)) settle = 2;
    }
    app.save_settings();
    return 0;
}

int take_screenshot(const ScreenshotOptions& options, std::string& error) {
    if (!display_available()) {
        error = "no display to render on (run under xvfb-run)";
        return kNoDisplay;
    }
    std::unique_ptr<Document> doc;
    try {
        doc = load(options.file);
    } catch (const std::exception& e) {
        error = e.what();
        return 1;
    }
    // --panel NAME[:3.7]: one panel (or "window", or "presentation"), optionally drawn
    // with the CPython 3.7-3.10 layout profile.
    std::string panel = options.panel, profile = options.profile;
    bool presentation = options.presentation;
    if (const size_t colon = panel.find(':'); colon != std::string::npos) {
        profile = panel.substr(colon + 1);
        panel = panel.substr(0, colon);
    }
    if (panel == "window") panel.clear();
    if (panel == "presentation") {
        presentation = true;
        panel.clear();
    }
    if (!profile.empty() && profile != "3.7" && profile != "3.11") {
        error = "unknown layout profile '" + profile + "' (3.11 or 3.7)";
        return 2;
    }
    PanelId only = PanelMemory;
    if (!panel.empty() && !parse_panel(panel, only)) {
        error = "unknown panel '" + options.panel +
                "' (source, bytecode, memory, frames, heap, exceptions, timeline, output, window, "
                "presentation; add :3.7 for the CPython 3.7-3.10 layout)";
        return 2;
    }
    Platform platform;
    PlatformOptions po;
    po.width = std::min(options.width, 1920);
    po.height = std::min(options.height, 1080);
    po.visible = false;
    po.vsync = false;
    if (!platform.init(po, error)) return kNoDisplay;
    if (!platform.enable_offscreen(options.width, options.height, error)) return 1;
    App app(platform);
    app.set_document(std::move(doc));
    ViewState& v = app.view();
    v.single_panel = !panel.empty();
    v.only_panel = only;
    v.presentation = presentation;
    if (profile == "3.7") v.profile = view::LayoutProfile::CPython37;
    // Negative steps count from the end: -1 is the last step.
    int64_t step = options.step;
    if (step < 0) step += static_cast<int64_t>(app.document()->step_count());
    if (step < 0 || static_cast<uint64_t>(step) > app.document()->last_step()) {
        error = "step " + std::to_string(options.step) + " is out of range (the trace has steps 0.." +
                std::to_string(app.document()->last_step()) + ")";
        return 2;
    }
    app.go_to(static_cast<uint64_t>(step));
    // A few frames so auto-sized windows and scroll positions settle.
    for (int i = 0; i < 4; ++i) {
        platform.wait(-1);
        platform.begin_frame();
        app.frame();
        platform.end_frame();
    }
    const auto pixels = platform.read_pixels();
    if (!write_png(options.output, platform.width(), platform.height(), pixels)) {
        error = "could not write " + options.output;
        return 1;
    }
    return 0;
}

}  // namespace ys::gui
