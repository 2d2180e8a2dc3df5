// `yieldscope open FILE` (and `yieldscope` alone): the GUI on a program or trace. With no
// display, says so in one line and draws the example in the terminal instead.
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "gui/document.h"
#include "gui/gui.h"
#include "trace/replay.h"
#include "view/text_render.h"

namespace ys::app {

namespace {

int draw_in_terminal(const std::string& file) {
    std::unique_ptr<gui::Document> doc;
    try {
        doc = file.empty() ? gui::Document::open_default() : gui::Document::open(file);
    } catch (const std::exception& e) {
        std::cerr << "yieldscope: " << e.what() << "\n";
        return 1;
    }
    trace::Replay replay(doc->trace());
    // The first yield is where the generator diagrams start to say something.
    uint64_t step = doc->trace().find_next(trace::EventKind::GenYield, 0);
    if (step >= doc->step_count()) step = doc->last_step();
    view::TextOptions options;
    options.color = isatty(STDOUT_FILENO) != 0;
    std::cout << view::render_step(replay, step, view::TextView::Layout, options);
    std::cout << "\n(step through it with: yieldscope show " << (file.empty() ? gui::default_example_path() : file)
              << " --all)\n";
    return 0;
}

}  // namespace

int open_command(const OpenCommand& options) {
    std::string error;
    const int status = gui::run_window({options.file, options.bench_frames}, error);
    if (status == gui::kNoDisplay) {
        std::cerr << "yieldscope: no display (" << error << "); drawing "
                  << (options.file.empty() ? "the example" : options.file) << " in the terminal instead.\n";
        return draw_in_terminal(options.file);
    }
    if (status != 0) std::cerr << "yieldscope: " << error << "\n";
    return status;
}

}  // namespace ys::app
