#include "gui/platform.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "gui/offscreen_gl.h"

namespace ys::gui {

namespace {

std::mutex g_drop_mutex;
std::vector<std::string> g_drops;

void on_drop(GLFWwindow*, int count, const char** paths) {
    std::lock_guard<std::mutex> lock(g_drop_mutex);
    for (int i = 0; i < count; ++i) g_drops.emplace_back(paths[i]);
}

void on_glfw_error(int, const char*) {}

std::string font_dir() {
#ifdef YS_SOURCE_DIR
    return std::string(YS_SOURCE_DIR) + "/assets/fonts/";
#else
    return "assets/fonts/";
#endif
}

Fonts load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    Fonts fonts;
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,   // Basic Latin + Latin-1
        0x2010, 0x205E,   // punctuation (… – —)
        0x2190, 0x21FF,   // arrows
        0x2500, 0x25FF,   // box drawing, block elements, geometric shapes (▶ ◀ ●)
        0,
    };
    const std::string path = font_dir() + "DejaVuSansMono.ttf";
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        ImFontConfig config;
        config.OversampleH = 2;
        fonts.normal = io.Fonts->AddFontFromFileTTF(path.c_str(), fonts.normal_size, &config, ranges);
        fonts.large = io.Fonts->AddFontFromFileTTF(path.c_str(), fonts.large_size, &config, ranges);
    }
    if (fonts.normal && fonts.large) {
        fonts.from_file = true;
    } else {
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = 13.0f;
        fonts.normal = io.Fonts->AddFontDefault(&config);
        config.SizePixels = 26.0f;
        fonts.large = io.Fonts->AddFontDefault(&config);
        fonts.normal_size = 13.0f;
        fonts.from_file = false;
    }
    return fonts;
}

}  // namespace

bool display_available() {
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

Platform::~Platform() {
    if (offscreen_) destroy_framebuffer(fbo_, color_rb_);
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    if (window_ || imgui_ready_) glfwTerminate();
}

bool Platform::init(const PlatformOptions& options, std::string& error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!display_available()) {
        error = "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        return false;
    }
    if (!glfwInit()) {
        error = "could not initialise GLFW (no usable display)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    int width = options.width, height = options.height;
    if (options.fit_to_screen) {
        int x = 0, y = 0, w = 0, h = 0;
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
        if (w > 0 && h > 0) {
            width = std::max(640, std::min(width, w * 9 / 10));
            height = std::max(480, std::min(height, h * 9 / 10));
        }
    }
    window_ = glfwCreateWindow(width, height, options.title.c_str(), nullptr, nullptr);
    if (!window_) {
        glfwTerminate();
        error = "could not open an OpenGL 3.3 window";
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(options.vsync ? 1 : 0);
    glfwSetDropCallback(window_, on_drop);
    width_ = width;
    height_ = height;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    ini_path_ = options.ini_path;
    io.IniFilename = ini_path_.empty() ? nullptr : ini_path_.c_str();
    ImGui::StyleColorsLight();
    fonts_ = load_fonts();
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
    return true;
}

bool Platform::should_close() const { return window_ && glfwWindowShouldClose(window_); }
void Platform::request_close() {
    if (window_) glfwSetWindowShouldClose(window_, GLFW_TRUE);
}
void Platform::set_title(const std::string& title) {
    if (window_) glfwSetWindowTitle(window_, title.c_str());
}
double Platform::time() const { return glfwGetTime(); }

void Platform::wait(double timeout) {
    if (timeout < 0)
        glfwPollEvents();
    else if (timeout == 0 || timeout > 1e6)
        glfwWaitEvents();
    else
        glfwWaitEventsTimeout(timeout);
}

void Platform::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (offscreen_) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

void Platform::end_frame() {
    ImGui::Render();
    int w = width_, h = height_;
    if (offscreen_) {
        bind_framebuffer(fbo_);
    } else {
        glfwGetFramebufferSize(window_, &w, &h);
    }
    // The clear colour is the windows' background: panels that overlap nothing draw none.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    gl_clear(w, h, bg.x, bg.y, bg.z);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (offscreen_) {
        gl_finish();
    } else {
        glfwSwapBuffers(window_);
    }
}

std::vector<std::string> Platform::take_drops() {
    std::lock_guard<std::mutex> lock(g_drop_mutex);
    std::vector<std::string> out;
    out.swap(g_drops);
    return out;
}

bool Platform::enable_offscreen(int width, int height, std::string& error) {
    if (!create_framebuffer(width, height, fbo_, color_rb_, error)) return false;
    offscreen_ = true;
    width_ = width;
    height_ = height;
    return true;
}

std::vector<uint8_t> Platform::read_pixels() const {
    std::vector<uint8_t> rgba(static_cast<size_t>(width_) * static_cast<size_t>(height_) * 4);
    if (!offscreen_) return rgba;
    bind_framebuffer(fbo_);
    read_rgba(width_, height_, rgba.data());
    // OpenGL's rows go bottom-up; PNG's top-down.
    const size_t stride = static_cast<size_t>(width_) * 4;
    std::vector<uint8_t> row(stride);
    for (int y = 0; y < height_ / 2; ++y) {
        uint8_t* a = rgba.data() + static_cast<size_t>(y) * stride;
        uint8_t* b = rgba.data() + static_cast<size_t>(height_ - 1 - y) * stride;
        std::copy(a, a + stride, row.data());
        std::copy(b, b + stride, a);
        std::copy(row.data(), row.data() + stride, b);
    }
    return rgba;
}

}  // namespace ys::gui
