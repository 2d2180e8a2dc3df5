// Scaffolding: replaced by the engineer who owns the `screenshot` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int screenshot_command(const ScreenshotCommand&) {
    std::cerr << "yieldscope: 'screenshot' is not built yet\n";
    return 1;
}

}  // namespace ys::app
