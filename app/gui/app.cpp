#include "gui/app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "gui/panel_bytecode.h"
#include "gui/panel_event_loop.h"
#include "gui/panel_exceptions.h"
#include "gui/panel_frames.h"
#include "gui/panel_heap.h"
#include "gui/panel_memory.h"
#include "gui/panel_output.h"
#include "gui/panel_source.h"
#include "gui/panel_timeline.h"
#include "trace/trace_io.h"

namespace ys::gui {

namespace fs = std::filesystem;

const char* panel_title(PanelId id) {
    static const char* titles[PanelCount] = {"Source", "Bytecode", "Memory layout", "Frames", "Heap graph",
                                             "Exception state", "Timeline", "Output", "Event loop"};
    return id >= 0 && id < PanelCount ? titles[id] : "?";
}

const char* panel_key(PanelId id) {
    static const char* keys[PanelCount] = {"source", "bytecode", "memory", "frames", "heap",
                                           "exceptions", "timeline", "output", "loop"};
    return id >= 0 && id < PanelCount ? keys[id] : "?";
}

bool parse_panel(const std::string& key, PanelId& out) {
    for (int i = 0; i < PanelCount; ++i) {
        const PanelId id = static_cast<PanelId>(i);
        if (key == panel_key(id) || key == panel_title(id)) {
            out = id;
            return true;
        }
    }
    if (key == "layout") { out = PanelMemory; return true; }
    if (key == "exc") { out = PanelExceptions; return true; }
    return false;
}

App::App(Platform& platform) : platform_(platform) {
    create_panels();
    register_settings(&settings_, &view_);
    if (const char* ini = ImGui::GetIO().IniFilename) ini_ = ini;
}

// Panels cache what they derive from the open document; a new document gets new panels
// (a freed document's address may come back for the next one, so a cache keyed by the
// document's address could otherwise show the old trace).
void App::create_panels() {
    panels_[PanelSource] = std::make_unique<SourcePanel>();
    panels_[PanelBytecode] = std::make_unique<BytecodePanel>();
    panels_[PanelMemory] = std::make_unique<MemoryPanel>();
    panels_[PanelFrames] = std::make_unique<FramesPanel>();
    panels_[PanelHeap] = std::make_unique<HeapPanel>();
    panels_[PanelExceptions] = std::make_unique<ExceptionsPanel>();
    panels_[PanelTimeline] = std::make_unique<TimelinePanel>();
    panels_[PanelOutput] = std::make_unique<OutputPanel>();
    panels_[PanelEventLoop] = std::make_unique<EventLoopPanel>();
}

App::~App() {
    save_settings();
    unregister_settings();
    // The settings handler is gone: ImGui must not rewrite the file without our section.
    ImGui::GetIO().IniFilename = nullptr;
}

void App::save_settings() {
    if (ini_.empty()) return;
    ImGui::SaveIniSettingsToDisk(ini_.c_str());
}

bool App::open_path(const std::string& path) {
    if (!loader_.start(path)) {
        status_ = "still opening " + fs::path(loader_.path()).filename().string() + "; try again when it is open";
        return false;
    }
    return true;
}

void App::poll_loader() {
    std::unique_ptr<Document> doc;
    std::string error;
    if (!loader_.take(doc, error)) return;
    if (doc) {
        set_document(std::move(doc));
        add_recent(settings_, loader_.path());
        error_.clear();
        status_.clear();
    } else {
        error_ = "Could not open " + loader_.path() + ": " + error;
        // Nothing was open yet (the file named on the command line): show the example.
        if (!doc_) {
            try {
                set_document(Document::open_default());
            } catch (const std::exception&) {
            }
        }
    }
}

void App::draw_loading() {
    if (!loader_.busy()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = ImGui::GetFontSize() * 30;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - w - 12, vp->Pos.y + vp->Size.y - ImGui::GetFontSize() * 6));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::Begin("##loading", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::Text("Opening %s: %s", fs::path(loader_.path()).filename().string().c_str(), load_stage_text(loader_.stage()));
    const float f = loader_.fraction();
    char overlay[32];
    std::snprintf(overlay, sizeof overlay, "%.1f s", loader_.seconds());
    if (f >= 0) {
        ImGui::ProgressBar(f, ImVec2(-1, 0), overlay);
    } else {
        // Unknown length: a block sliding back and forth.
        const float t = static_cast<float>(std::fmod(loader_.seconds(), 2.0));
        ImGui::ProgressBar(t < 1 ? t : 2 - t, ImVec2(-1, 0), overlay);
    }
    if (doc_) ImGui::TextDisabled("%s stays usable meanwhile.", doc_->display_name().c_str());
    ImGui::End();
}

void App::set_document(std::unique_ptr<Document> doc) {
    create_panels();
    doc_ = std::move(doc);
    // A trace with an event loop (Level 2) brings the Event loop panel up.
    const view::KindMask loop_kinds = view::kind_bit(static_cast<int>(trace::EventKind::TaskScheduled)) |
                                      view::kind_bit(static_cast<int>(trace::EventKind::LoopCallback)) |
                                      view::kind_bit(static_cast<int>(trace::EventKind::TimerFired));
    if (doc_->timeline().present() & loop_kinds) {
        if (!view_.visible[PanelEventLoop] || !view_.presented[PanelEventLoop]) view_.reset_layout = true;
        view_.visible[PanelEventLoop] = true;
        view_.presented[PanelEventLoop] = true;
    }
    view_.step = 0;
    view_.selected = 0;
    view_.playing = false;
    platform_.set_title("yieldscope: " + doc_->display_name());
}

void App::go_to(uint64_t step) {
    if (!doc_) return;
    view_.step = std::min(step, doc_->last_step());
}

void App::step_by(int64_t delta) {
    if (!doc_) return;
    const int64_t s = static_cast<int64_t>(view_.step) + delta;
    go_to(static_cast<uint64_t>(std::clamp<int64_t>(s, 0, static_cast<int64_t>(doc_->last_step()))));
}

void App::jump(bool forward) {
    if (!doc_) return;
    const view::KindMask mask = view::kind_bit(static_cast<int>(view_.jump_kind));
    const int64_t s = forward ? doc_->timeline().next_of(static_cast<int64_t>(view_.step), mask)
                              : doc_->timeline().prev_of(static_cast<int64_t>(view_.step), mask);
    if (s >= 0)
        go_to(static_cast<uint64_t>(s));
    else
        status_ = std::string("no ") + (forward ? "next " : "previous ") + trace::event_kind_label(view_.jump_kind);
}

double App::seconds_to_next_tick() const {
    if (!view_.playing) return 0;
    const double period = 1.0 / std::max(0.25f, view_.speed);
    return std::max(0.001, view_.last_tick + period - platform_.time());
}

void App::tick_playback() {
    if (!view_.playing || !doc_) return;
    const double now = platform_.time();
    const double period = 1.0 / std::max(0.25f, view_.speed);
    if (now - view_.last_tick < period) return;
    view_.last_tick = now;
    if (view_.step >= doc_->last_step()) {
        view_.playing = false;
        return;
    }
    step_by(1);
}

void App::handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, true)) io.KeyShift ? jump(true) : step_by(1);
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, true)) io.KeyShift ? jump(false) : step_by(-1);
    if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) go_to(0);
    if (ImGui::IsKeyPressed(GLFW_KEY_END, false) && doc_) go_to(doc_->last_step());
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) {
        view_.playing = !view_.playing;
        view_.last_tick = platform_.time();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) {
        view_.presentation = !view_.presentation;
        view_.reset_layout = true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && view_.presentation) {
        view_.presentation = false;
        view_.reset_layout = true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, true) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, true))
        view_.speed = std::min(60.0f, view_.speed * 1.5f);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS, true) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, true))
        view_.speed = std::max(0.25f, view_.speed / 1.5f);
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) { browser_saving_ = false; browser_.open(FileBrowser::Mode::Open, settings_.browser_dir); }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S, false) && doc_) {
        browser_saving_ = true;
        browser_.open(FileBrowser::Mode::Save, settings_.browser_dir,
                      fs::path(doc_->display_name()).replace_extension(".json").string());
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) quit_ = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) show_help_ = !show_help_;
}

std::vector<std::string> App::example_files(const std::string& dir) const {
    std::vector<std::string> out;
    std::error_code ec;
    // Subfolders too: the Level-2 examples and traces live in level2/.
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string ext = it->path().extension().string();
        if (ext == ".py" || ext == ".json" || ext == ".ystrace") out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void App::save_trace(const std::string& path) {
    if (!doc_) return;
    try {
        trace::save_trace(doc_->trace(), path);
        doc_->mark_saved(path);
        add_recent(settings_, path);
        status_ = "saved " + path;
        platform_.set_title("yieldscope: " + doc_->display_name());
    } catch (const std::exception& e) {
        error_ = std::string("Could not save ") + path + ": " + e.what();
    }
}

void App::draw_menu() {
    // The bar paints its own background over the window's: one full-width fill is enough.
    ImGui::SetNextWindowBgAlpha(0.0f);
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open...", "Ctrl+O")) { browser_saving_ = false; browser_.open(FileBrowser::Mode::Open, settings_.browser_dir); }
        if (ImGui::BeginMenu("Open recent", !settings_.recent.empty())) {
            std::string chosen;
            for (const auto& r : settings_.recent)
                if (ImGui::MenuItem(r.c_str())) chosen = r;
            if (!chosen.empty()) open_path(chosen);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save trace", nullptr, false, doc_ && !doc_->is_program() && !doc_->path().empty()))
            save_trace(doc_->path());
        if (ImGui::MenuItem("Save trace as...", "Ctrl+S", false, doc_ != nullptr)) {
            browser_saving_ = true;
            browser_.open(FileBrowser::Mode::Save, settings_.browser_dir,
                          fs::path(doc_->display_name()).replace_extension(".json").string());
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Examples")) {
        std::string chosen;
        ImGui::TextDisabled("programs (recorded when opened)");
        const std::string examples_dir = source_dir() + "/assets/examples";
        for (const auto& f : example_files(examples_dir))
            if (ImGui::MenuItem(fs::relative(f, examples_dir).string().c_str())) chosen = f;
        ImGui::Separator();
        ImGui::TextDisabled("shipped traces");
        const std::string traces_dir = source_dir() + "/traces";
        const auto traces = example_files(traces_dir);
        if (traces.empty()) ImGui::TextDisabled("  (none yet)");
        for (const auto& f : traces)
            if (ImGui::MenuItem(fs::relative(f, traces_dir).string().c_str())) chosen = f;
        if (!chosen.empty()) open_path(chosen);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < PanelCount; ++i)
            ImGui::MenuItem(panel_title(static_cast<PanelId>(i)), nullptr, &view_.visible[static_cast<size_t>(i)]);
        ImGui::Separator();
        if (ImGui::MenuItem("Presentation mode", "F5", &view_.presentation)) view_.reset_layout = true;
        if (ImGui::BeginMenu("Panels in presentation mode")) {
            for (int i = 0; i < PanelCount; ++i)
                if (ImGui::MenuItem(panel_title(static_cast<PanelId>(i)), nullptr, &view_.presented[static_cast<size_t>(i)]))
                    view_.reset_layout = true;
            ImGui::EndMenu();
        }
        ImGui::MenuItem("High contrast", nullptr, &high_contrast_);
        if (ImGui::MenuItem("Reset window layout")) view_.reset_layout = true;
        ImGui::Separator();
        bool p311 = view_.profile == view::LayoutProfile::CPython311;
        if (ImGui::MenuItem("Layout: CPython 3.11+", nullptr, p311)) view_.profile = view::LayoutProfile::CPython311;
        if (ImGui::MenuItem("Layout: CPython 3.7-3.10", nullptr, !p311)) view_.profile = view::LayoutProfile::CPython37;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys", "F1")) show_help_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void App::draw_toolbar(float y, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, y));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::SetNextWindowBgAlpha(0.0f);   // the cleared framebuffer is the same colour
    ImGui::Begin("##toolbar", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    const uint64_t last = doc_ ? doc_->last_step() : 0;
    if (ImGui::Button("|\xE2\x97\x80")) go_to(0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("First step (Home)");
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x97\x80")) step_by(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step back (Left)");
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x96\xB6")) step_by(1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step forward (Right)");
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x96\xB6|")) go_to(last);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Last step (End)");
    ImGui::SameLine();
    int step = static_cast<int>(view_.step);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt("##step", &step, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue))
        go_to(static_cast<uint64_t>(std::max(step, 0)));
    ImGui::SameLine();
    ImGui::Text("/ %llu", static_cast<unsigned long long>(last));
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::Button("\xE2\x97\x80##jump")) jump(false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event of this kind (Shift+Left)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
    if (ImGui::BeginCombo("##jumpkind", trace::event_kind_label(view_.jump_kind))) {
        for (trace::EventKind k : timeline_kinds()) {
            if (doc_ && !(doc_->timeline().present() & view::kind_bit(static_cast<int>(k)))) continue;
            if (ImGui::Selectable(trace::event_kind_label(k), k == view_.jump_kind)) view_.jump_kind = k;
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("\xE2\x96\xB6##jump")) jump(true);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event of this kind (Shift+Right)");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::Button(view_.playing ? "pause" : "play ")) {
        view_.playing = !view_.playing;
        view_.last_tick = platform_.time();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("steps/s", &view_.speed, 0.25f, 60.0f, "%.1f", ImGuiSliderFlags_Logarithmic);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::Checkbox("presentation", &view_.presentation)) view_.reset_layout = true;
    if (!status_.empty()) {
        ImGui::SameLine(0, ImGui::GetFontSize());
        ImGui::TextDisabled("%s", status_.c_str());
    }
    ImGui::End();
}

void App::draw_error_bar() {
    if (error_.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.2f, vp->WorkPos.y + vp->WorkSize.y * 0.35f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.6f, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.92f, 0.92f, 1));
    ImGui::Begin("Error###error", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0, 0, 1));
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
    if (doc_) ImGui::TextDisabled("Still showing %s.", doc_->display_name().c_str());
    if (ImGui::Button("Dismiss")) error_.clear();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::SetWindowFocus("Error###error");
}

namespace {

struct Tile {
    bool on = false;
    ImVec2 pos, size;
};

// Splits [y0, y1) among `ids` (top to bottom) in proportion to `weights`.
void stack(std::array<Tile, PanelCount>& tiles, const std::vector<std::pair<PanelId, float>>& ids, float x, float w,
           float y0, float y1) {
    float total = 0;
    for (const auto& [id, weight] : ids) total += weight;
    float y = y0;
    for (const auto& [id, weight] : ids) {
        const float h = (y1 - y0) * weight / total;
        tiles[id] = {true, ImVec2(x, y), ImVec2(w, h)};
        y += h;
    }
}

}  // namespace

void App::draw_panels(float top) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float x0 = vp->Pos.x, w = vp->Size.x;
    const float bottom = vp->Pos.y + vp->Size.y;
    const float fsize = ImGui::GetFontSize();
    std::array<Tile, PanelCount> tiles{};
    const auto& shown = view_.single_panel ? std::array<bool, PanelCount>{} : (view_.presentation ? view_.presented : view_.visible);
    auto on = [&](PanelId id) { return shown[id]; };

    if (view_.single_panel) {
        tiles[view_.only_panel] = {true, ImVec2(x0, top), ImVec2(w, bottom - top)};
    } else {
        const float caption_h = view_.presentation ? fsize * 3.2f : 0;
        const float area_bottom = bottom - caption_h;
        // A trace with a virtual clock adds the clock's axis under the timeline strip.
        const float timeline_lines = doc_ && !doc_->clock().empty() ? 10.8f : 9.5f;
        float timeline_h = on(PanelTimeline) ? fsize * timeline_lines : 0;
        const float main_bottom = area_bottom - timeline_h;
        // bottom strip: timeline (and output beside it in the normal layout)
        const bool output_bottom = !view_.presentation && on(PanelOutput);
        if (on(PanelTimeline)) {
            const float tw = output_bottom ? w * 0.68f : w;
            tiles[PanelTimeline] = {true, ImVec2(x0, main_bottom), ImVec2(tw, timeline_h)};
            if (output_bottom) tiles[PanelOutput] = {true, ImVec2(x0 + tw, main_bottom), ImVec2(w - tw, timeline_h)};
        } else if (output_bottom) {
            timeline_h = fsize * 8;
            tiles[PanelOutput] = {true, ImVec2(x0, area_bottom - timeline_h), ImVec2(w, timeline_h)};
        }
        const float mb = area_bottom - timeline_h;
        std::vector<std::pair<PanelId, float>> left, right;
        if (on(PanelSource)) left.push_back({PanelSource, 1.2f});
        if (on(PanelBytecode)) left.push_back({PanelBytecode, 1.0f});
        if (on(PanelFrames)) left.push_back({PanelFrames, 1.0f});
        if (view_.presentation && on(PanelOutput)) left.push_back({PanelOutput, 0.6f});
        if (on(PanelMemory)) right.push_back({PanelMemory, 1.3f});
        const bool heap = on(PanelHeap), exc = on(PanelExceptions), loop = on(PanelEventLoop);
        const float left_w = left.empty() ? 0 : (right.empty() && !heap && !exc && !loop ? w : w * 0.28f);
        stack(tiles, left, x0, left_w, top, mb);
        const float rx = x0 + left_w, rw = w - left_w;
        if (heap || exc || loop) {
            // memory on top; heap graph and a column (exception state over the event
            // loop) side by side below
            const float split = right.empty() ? top : top + (mb - top) * 0.56f;
            stack(tiles, right, rx, rw, top, split);
            const bool column = exc || loop;
            const float ew = heap && column ? rw * (loop ? 0.4f : 0.3f) : (column ? rw : 0);
            if (heap) tiles[PanelHeap] = {true, ImVec2(rx, split), ImVec2(rw - ew, mb - split)};
            std::vector<std::pair<PanelId, float>> col;
            if (exc) col.push_back({PanelExceptions, loop ? 0.8f : 1.0f});
            if (loop) col.push_back({PanelEventLoop, 1.2f});
            stack(tiles, col, rx + rw - ew, ew, split, mb);
        } else {
            stack(tiles, right, rx, rw, top, mb);
        }
        if (view_.presentation) draw_caption(area_bottom, caption_h);
    }

    const bool force = view_.reset_layout || view_.presentation || view_.single_panel;
    Document& doc = *doc_;
    const trace::HeapState& state = doc.seek(view_.step);
    const Theme theme = high_contrast_ || view_.presentation ? high_contrast_theme() : normal_theme();
    PanelContext ctx{doc, view_, state, platform_.fonts(), theme, ImGui::GetFontSize(), -1};
    for (int i = 0; i < PanelCount; ++i) {
        const PanelId id = static_cast<PanelId>(i);
        const Tile& t = tiles[id];
        const bool visible = view_.single_panel ? id == view_.only_panel : shown[id];
        if (!visible) {
            panel_rects_[id] = {};
            continue;
        }
        if (t.on) {
            ImGui::SetNextWindowPos(t.pos, force ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(t.size, force ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
        }
        const std::string detail = panels_[id]->title_detail(ctx);
        std::string title = std::string(panel_title(id)) + (detail.empty() ? "" : ": " + detail) + "###" + panel_key(id);
        ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse;
        if (view_.presentation || view_.single_panel) flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize;
        // A panel that overlaps no other window lets the cleared framebuffer (the same
        // colour) be its background: one full-window fill less for a software rasteriser.
        if (!overlaps_other_window(id, top)) ImGui::SetNextWindowBgAlpha(0.0f);
        bool open = true;
        if (ImGui::Begin(title.c_str(), view_.single_panel ? nullptr : &open, flags)) panels_[id]->draw(ctx);
        const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
        panel_rects_[id] = {wp.x, wp.y, ws.x, ws.y};
        ImGui::End();
        if (!open) (view_.presentation ? view_.presented : view_.visible)[id] = false;
    }
    view_.reset_layout = false;
    if (ctx.requested_step >= 0) go_to(static_cast<uint64_t>(ctx.requested_step));
}

bool App::overlaps_other_window(PanelId id, float top) const {
    const view::Rect& r = panel_rects_[id];
    if (r.w <= 0) return true;   // not placed yet
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Over the menu / toolbar, or outside the window: keep the opaque background.
    if (r.y < top - 0.5f || r.x < vp->Pos.x - 0.5f) return true;
    // Windows that merely share an edge do not overlap (1 px of slack).
    const view::Rect shrunk{r.x + 1, r.y + 1, r.w - 2, r.h - 2};
    for (int i = 0; i < PanelCount; ++i)
        if (i != id && panel_rects_[static_cast<size_t>(i)].w > 0 && shrunk.overlaps(panel_rects_[static_cast<size_t>(i)]))
            return true;
    return false;
}

void App::draw_caption(float y, float height) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, y));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.08f, 0.08f, 0.08f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 0.75f, 1));
    ImGui::Begin("##caption", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);
    const auto& notes = doc_->trace().annotations;
    auto it = notes.find(view_.step);
    const std::string text = it != notes.end() && !it->second.empty() ? it->second : doc_->sentence();
    ImGui::Text("%llu", static_cast<unsigned long long>(view_.step));
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void App::draw_help() {
    if (!show_help_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    ImGui::Begin("Keys", &show_help_, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(
        "Left / Right          step back / forward\n"
        "Shift+Left / Right    previous / next event of the chosen kind\n"
        "Home / End            first / last step\n"
        "Space                 play / pause;  + / -  faster / slower\n"
        "F5 (Esc to leave)     presentation mode\n"
        "Ctrl+O / Ctrl+S       open / save trace;  Ctrl+Q quit\n"
        "Drop a .py, .json or .ystrace file on the window to open it.\n"
        "Click a source line or an instruction: go to the next step there.\n"
        "Click an object in the heap graph: why is it alive?");
    ImGui::End();
}

void App::frame() {
    poll_loader();
    tick_playback();
    handle_keys();
    const bool large = view_.presentation && platform_.fonts().large;
    if (large) ImGui::PushFont(platform_.fonts().large);
    apply_imgui_style(high_contrast_ || view_.presentation);

    float top = ImGui::GetMainViewport()->Pos.y;
    if (!view_.single_panel) {
        draw_menu();
        // Below the menu bar (the viewport's work area only learns of it next frame).
        top = ImGui::GetMainViewport()->Pos.y + ImGui::GetFrameHeight();
        const float toolbar_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2 + 2;
        draw_toolbar(top, toolbar_h);
        top += toolbar_h;
    }
    if (doc_) {
        draw_panels(top);
    } else {
        ImGui::SetNextWindowPos(ImVec2(20, top + 20));
        ImGui::Begin("Welcome", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::TextUnformatted(loader_.busy() ? "Opening..."
                                              : "Open a program or a trace: File > Open, the Examples menu, or drop a file here.");
        ImGui::End();
    }
    draw_loading();
    draw_error_bar();
    draw_help();
    std::string chosen;
    if (browser_.draw(chosen)) {
        settings_.browser_dir = fs::path(chosen).parent_path().string();
        if (browser_saving_)
            save_trace(chosen);
        else
            open_path(chosen);
        browser_saving_ = false;
    }
    if (large) ImGui::PopFont();
}

}  // namespace ys::gui
