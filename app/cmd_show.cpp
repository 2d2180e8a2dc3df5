// `yieldscope show FILE [--step N | --all] [--view layout|frames|heap|exc|events|loop] [--profile 3.11|3.7]`
// FILE is a trace (.json / .ystrace) or a program, recorded on the fly.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "trace/record_program.h"
#include "trace/replay.h"
#include "trace/trace_io.h"
#include "view/text_render.h"

namespace ys::app {

namespace {

bool looks_like_program(const std::string& path) {
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".py") == 0;
}

int terminal_width() {
    if (const char* cols = std::getenv("COLUMNS")) {
        int n = std::atoi(cols);
        if (n >= 60) return n;
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 60) return ws.ws_col;
    return 100;
}

}  // namespace

int show_command(const ShowCommand& options) {
    trace::Trace t;
    if (looks_like_program(options.file)) {
        std::ifstream in(options.file, std::ios::binary);
        if (!in) {
            std::cerr << "yieldscope: can't open file '" << options.file << "'\n";
            return 2;
        }
        std::stringstream source;
        source << in.rdbuf();
        std::ostringstream out, err;  // the output is in the trace
        trace::RecordOptions rec;
        rec.out = &out;
        rec.err = &err;
        trace::RecordResult r = trace::record_program(source.str(), options.file, rec);
        if (r.out_of_memory)
            std::cerr << "yieldscope: the machine ran out of memory while recording; showing the trace up to that point.\n";
        else if (r.budget_exhausted)
            std::cerr << "yieldscope: the program ran out of its step budget (" << trace::kDefaultRecordBudget
                      << " instructions); showing the trace up to that point.\n";
        t = std::move(r.trace);
    } else {
        try {
            t = trace::load_trace(options.file);
        } catch (const trace::TraceError& e) {
            std::cerr << "yieldscope: cannot read trace: " << e.what() << "\n";
            return 1;
        }
    }
    view::TextView v;
    if (!view::parse_text_view(options.view, v)) {
        std::cerr << "yieldscope: unknown view '" << options.view << "'\n";
        return 2;
    }
    view::TextOptions text;
    if (!view::parse_profile(options.profile, text.profile)) {
        std::cerr << "yieldscope: unknown profile '" << options.profile << "' (3.11 or 3.7)\n";
        return 2;
    }
    text.color = ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    text.width = terminal_width();
    if (t.empty()) {
        std::cout << "(the trace has no steps)\n";
        return 0;
    }
    trace::Replay replay(t);
    const uint64_t last = t.step_count() - 1;
    if (options.step >= 0 && static_cast<uint64_t>(options.step) > last) {
        std::cerr << "yieldscope: step " << options.step << " is past the end (steps 0.." << last << ")\n";
        return 2;
    }
    if (v == view::TextView::Events) {
        std::cout << view::render_events(replay, 0, last, text);
        return 0;
    }
    if (options.all) {
        for (uint64_t s = 0; s <= last; ++s) {
            if (s) std::cout << "\n" << std::string(static_cast<size_t>(text.width), '=') << "\n\n";
            std::cout << view::render_step(replay, s, v, text);
        }
        return 0;
    }
    uint64_t step = options.step >= 0 ? static_cast<uint64_t>(options.step) : last;
    std::cout << view::render_step(replay, step, v, text);
    return 0;
}

}  // namespace ys::app
