// Entry points of the GUI for the `open` and `screenshot` commands.
#pragma once

#include <cstdint>
#include <string>

namespace ys::gui {

// Returned when there is no display to open a window on (the caller falls back to text).
inline constexpr int kNoDisplay = 3;

struct WindowOptions {
    std::string file;            // "" = the built-in default example
    int64_t bench_frames = 0;    // >0: render N frames offscreen-timed, print ms per frame, exit
};
int run_window(const WindowOptions& options, std::string& error);

struct ScreenshotOptions {
    std::string file;            // "" = the default example
    int64_t step = 0;
    std::string output;
    int width = 1600;
    int height = 1000;
    std::string panel;           // "" = the whole window
    bool presentation = false;
    std::string profile;         // "" | "3.11" | "3.7"
};
int take_screenshot(const ScreenshotOptions& options, std::string& error);

}  // namespace ys::gui
