// `yieldscope screenshot FILE --step N -o out.png [--size WxH] [--panel NAME]`: renders the
// GUI offscreen (under Xvfb or any X display, llvmpipe is fine) and writes a PNG.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "gui/gui.h"

namespace ys::app {

int screenshot_command(const ScreenshotCommand& options) {
    gui::ScreenshotOptions shot;
    shot.file = options.file;
    shot.step = options.step;
    shot.output = options.output;
    shot.panel = options.panel;
    int w = 0, h = 0;
    char tail = 0;
    if (std::sscanf(options.size.c_str(), "%dx%d%c", &w, &h, &tail) != 2 || w < 64 || h < 64 || w > 8192 ||
        h > 8192) {
        std::cerr << "yieldscope: --size must be WxH between 64x64 and 8192x8192, not '" << options.size << "'\n";
        return 2;
    }
    shot.width = w;
    shot.height = h;
    std::string error;
    const int status = gui::take_screenshot(shot, error);
    if (status != 0) std::cerr << "yieldscope: screenshot: " << error << "\n";
    return status;
}

}  // namespace ys::app
