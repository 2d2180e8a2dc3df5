// The frame loop: an interactive window that sleeps while idle, the offscreen screenshot,
// and the frame-time benchmark.
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
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

// CPU time used so far by the whole process: on a loaded machine wall time says more
// about the neighbours than about us.
double process_cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

// What a run of frames cost: wall time per frame, the part spent building the UI (our
// code and ImGui, before rasterisation), and what was sent to the GPU per frame.
struct FrameCost {
    double ms = 0, build_ms = 0;
    double cpu_ms = 0;   // CPU time of all threads (llvmpipe rasterises on its own threads)
    double vertices = 0, indices = 0, draw_calls = 0;
};

// Renders `per_step` frames at each step of `steps`; returns the means per frame.
FrameCost timed_frames(Platform& platform, App& app, const std::vector<uint64_t>& steps, int per_step) {
    using clock = std::chrono::steady_clock;
    FrameCost cost;
    const auto t0 = clock::now();
    const double cpu0 = process_cpu_ms();
    double build = 0;
    int n = 0;
    for (uint64_t s : steps) {
        app.go_to(s);
        for (int i = 0; i < per_step; ++i, ++n) {
            platform.wait(-1);
            const auto b0 = clock::now();
            platform.begin_frame();
            app.frame();
            build += std::chrono::duration<double, std::milli>(clock::now() - b0).count();
            platform.end_frame();
            if (const ImDrawData* dd = ImGui::GetDrawData()) {
                cost.vertices += dd->TotalVtxCount;
                cost.indices += dd->TotalIdxCount;
                for (int l = 0; l < dd->CmdListsCount; ++l) cost.draw_calls += dd->CmdLists[l]->CmdBuffer.Size;
            }
        }
    }
    if (n == 0) return cost;
    cost.ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count() / n;
    cost.build_ms = build / n;
    cost.cpu_ms = (process_cpu_ms() - cpu0) / n;
    cost.vertices /= n;
    cost.indices /= n;
    cost.draw_calls /= n;
    return cost;
}

// Pixels the rasteriser shades for one frame's draw data: the area of every triangle
// clipped to its command's clip rectangle (bounding-box clipping, so an estimate), per
// draw list (one per window). llvmpipe's cost follows this more than vertex counts.
void print_coverage(const ImDrawData* dd) {
    if (!dd) return;
    double total = 0;
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        double area = 0;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImVec4 c = cmd.ClipRect;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                ImVec2 p[3];
                for (int k = 0; k < 3; ++k) p[k] = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + static_cast<unsigned>(k))])].pos;
                const float x0 = std::max(c.x, std::min({p[0].x, p[1].x, p[2].x}));
                const float x1 = std::min(c.z, std::max({p[0].x, p[1].x, p[2].x}));
                const float y0 = std::max(c.y, std::min({p[0].y, p[1].y, p[2].y}));
                const float y1 = std::min(c.w, std::max({p[0].y, p[1].y, p[2].y}));
                if (x1 <= x0 || y1 <= y0) continue;
                const float tri = std::abs((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)) * 0.5f;
                const float box = (std::max({p[0].x, p[1].x, p[2].x}) - std::min({p[0].x, p[1].x, p[2].x})) *
                                  (std::max({p[0].y, p[1].y, p[2].y}) - std::min({p[0].y, p[1].y, p[2].y}));
                area += box > 0 ? tri * (x1 - x0) * (y1 - y0) / box : 0;
            }
        }
        total += area;
        std::printf("  %-28s %6d vertices %9.0f px\n", list->_OwnerName ? list->_OwnerName : "?", list->VtxBuffer.Size, area);
    }
    std::printf("  total shaded (estimate)      %9.0f px\n", total);
}

void print_cost(const char* what, const FrameCost& c, int64_t frames) {
    std::printf("%s: %.2f ms/frame over %lld frames (CPU %.2f ms in all threads, UI build %.2f ms; %.0f vertices, %.0f indices, %.0f draw calls)\n",
                what, c.ms, static_cast<long long>(frames), c.cpu_ms, c.build_ms, c.vertices, c.indices, c.draw_calls);
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
    const FrameCost still = timed_frames(platform, app, {busiest}, static_cast<int>(frames));
    std::vector<uint64_t> scrub;
    for (int64_t i = 0; i < frames; ++i)
        scrub.push_back(frames > 1 ? static_cast<uint64_t>(i) * doc.last_step() / static_cast<uint64_t>(frames - 1) : 0);
    const FrameCost moving = timed_frames(platform, app, scrub, 1);
    std::printf("bench: %s, %llu steps, %dx%d\n", doc.display_name().c_str(),
                static_cast<unsigned long long>(doc.step_count()), platform.width(), platform.height());
    char what[96];
    std::snprintf(what, sizeof what, "still at step %llu (%zu live objects)", static_cast<unsigned long long>(busiest), most);
    print_cost(what, still, frames);
    print_cost("scrubbing across all steps", moving, frames);
    if (std::getenv("YS_BENCH_DETAIL")) {
        timed_frames(platform, app, {busiest}, 1);
        std::printf("per draw list at step %llu:\n", static_cast<unsigned long long>(busiest));
        print_coverage(ImGui::GetDrawData());
    }
    return 0;
}

}  // namespace

int run_window(const WindowOptions& options, std::string& error) {
    if (!display_available()) {
        error = "neither DISPLAY nor WAYLAND_DISPLAY is set";
        return kNoDisplay;
    }
    // The benchmark loads before the window opens (and fails on a bad file). The window
    // opens at once and loads the file in the background, with progress shown; a bad
    // file leaves the default example open with the error shown.
    const bool benching = options.bench_frames > 0;
    std::unique_ptr<Document> doc;
    if (benching || options.file.empty()) {
        try {
            doc = load(options.file);
        } catch (const std::exception& e) {
            error = e.what();
            return 1;
        }
    }
    Platform platform;
    PlatformOptions po;
    po.visible = !benching;
    po.vsync = !benching;
    po.fit_to_screen = !benching;
    po.ini_path = benching ? std::string() : ini_path();
    // YS_BENCH_SIZE=WxH times another window size (the default is the window's own).
    if (const char* size = std::getenv("YS_BENCH_SIZE"); benching && size && *size) {
        int w = 0, h = 0;
        if (std::sscanf(size, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 3840 && h <= 2160) {
            po.width = w;
            po.height = h;
        }
    }
    if (!platform.init(po, error)) return kNoDisplay;
    if (benching && !platform.enable_offscreen(po.width, po.height, error)) return 1;
    App app(platform);
    if (doc)
        app.set_document(std::move(doc));
    else
        app.open_path(options.file);
    if (benching) {
        // YS_BENCH_PANEL=NAME times one panel alone (to find which one is slow).
        if (const char* only = std::getenv("YS_BENCH_PANEL"); only && *only) {
            PanelId id;
            if (parse_panel(only, id)) {
                app.view().single_panel = true;
                app.view().only_panel = id;
            }
        }
        // YS_BENCH_HIDE=NAME,NAME times the window without those panels.
        if (const char* hide = std::getenv("YS_BENCH_HIDE"); hide && *hide) {
            std::string list = hide;
            for (size_t at = 0; at <= list.size();) {
                const size_t comma = std::min(list.find(',', at), list.size());
                PanelId id;
                if (parse_panel(list.substr(at, comma - at), id)) app.view().visible[id] = false;
                at = comma + 1;
            }
        }
        return bench(platform, app, options.bench_frames);
    }

    // Wake-ups: input events, playback ticks, and a few frames after each event so
    // ImGui settles (hover, animations); otherwise block in glfwWaitEvents (no CPU
    // while idle). A focused text field wakes twice a second for its caret, no more.
    int settle = 3;
    while (!platform.should_close() && !app.quit_requested()) {
        if (app.animating() || app.loading())
            platform.wait(app.animating() ? std::min(app.seconds_to_next_tick(), 0.1) : 0.1);
        else if (settle > 0)
            platform.wait(-1);
        else if (ImGui::GetIO().WantTextInput)
            platform.wait(0.5);
        else
            platform.wait(0);
        settle = settle > 0 ? settle - 1 : 2;
        for (const auto& path : platform.take_drops()) app.open_path(path);
        platform.begin_frame();
        app.frame();
        platform.end_frame();
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
                "' (source, bytecode, memory, frames, heap, exceptions, timeline, output, loop, window, "
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
