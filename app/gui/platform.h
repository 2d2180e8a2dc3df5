// The thin platform layer: a GLFW window with an OpenGL 3 context, Dear ImGui's context
// and backends, fonts, event waiting, file drops, and offscreen capture. Nothing else in
// the GUI touches GLFW or OpenGL.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace ys::gui {

struct PlatformOptions {
    int width = 1600;
    int height = 1000;
    bool visible = true;            // false: a hidden window, for screenshots and benches
    std::string title = "yieldscope";
    std::string ini_path;           // "" = no layout persistence
    bool vsync = true;
    // Shrink the window to fit the monitor's work area (a visible window on a small
    // screen, or a projector); every pixel is work for a software rasteriser too.
    bool fit_to_screen = false;
};

struct Fonts {
    ImFont* normal = nullptr;       // the UI and diagrams
    ImFont* large = nullptr;        // presentation mode
    bool from_file = false;         // false: ImGui's built-in font (the TTF was missing)
    float normal_size = 15.0f;
    float large_size = 26.0f;
};

// True when a display server is reachable by name (DISPLAY / WAYLAND_DISPLAY set).
bool display_available();

class Platform {
public:
    Platform() = default;
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Opens the window and sets up ImGui; on failure returns false with `error` set.
    bool init(const PlatformOptions& options, std::string& error);
    bool should_close() const;
    void request_close();
    void set_title(const std::string& title);

    // Waits for input: blocks while idle, or up to `timeout` seconds (<0 = no wait).
    void wait(double timeout);
    // Starts an ImGui frame. With a fixed size (offscreen), the display size is forced.
    void begin_frame();
    // Renders ImGui into the window (or the offscreen framebuffer) and presents it.
    void end_frame();

    // Paths dropped on the window since the last call.
    std::vector<std::string> take_drops();

    // Offscreen: render into a framebuffer of this size instead of the window.
    bool enable_offscreen(int width, int height, std::string& error);
    // Reads the last rendered offscreen frame as RGBA rows, top row first.
    std::vector<uint8_t> read_pixels() const;
    int width() const { return width_; }
    int height() const { return height_; }

    const Fonts& fonts() const { return fonts_; }
    double time() const;

private:
    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    Fonts fonts_;
    std::string ini_path_;
    // offscreen framebuffer
    unsigned fbo_ = 0, color_rb_ = 0;
    bool offscreen_ = false;
    int width_ = 0, height_ = 0;
};

// Writes RGBA pixels (top row first) to a PNG file; false on failure.
bool write_png(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba);

}  // namespace ys::gui
