// `yieldscope`: argument parsing and dispatch only. Usage errors exit with status 2,
// like python3 and most Unix tools; each command decides its own status otherwise.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <new>

#include "commands.h"

namespace {

int usage_error(const CLI::App& app, const CLI::ParseError& error) {
    std::cerr << "yieldscope: " << error.what() << "\n\n" << app.help();
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace ys::app;
    CLI::App app{"yieldscope: watch CPython run generators and coroutines, step by step"};
    app.require_subcommand(0, 1);

    RunCommand run;
    auto* run_cmd = app.add_subcommand("run", "Run a program exactly as `python3 prog.py` would");
    run_cmd->add_option("program", run.program, "Python source file")->required();
    run_cmd->add_option("args", run.args, "Arguments passed to the program as sys.argv[1:]");
    run_cmd->add_option("--max-steps", run.max_steps, "Stop after N instructions (0 = no limit)");
    run_cmd->add_option("--max-memory", run.max_memory, "Raise MemoryError past N bytes (0 = no limit)");
    run_cmd->prefix_command();

    DisCommand dis;
    auto* dis_cmd = app.add_subcommand("dis", "Disassemble a program like `python3 -m dis`");
    dis_cmd->add_option("program", dis.program, "Python source file")->required();
    dis_cmd->add_flag("--show-caches", dis.show_caches, "Also list CACHE entries");

    RecordCommand record;
    auto* record_cmd = app.add_subcommand("record", "Run a program and save its trace");
    record_cmd->add_option("program", record.program, "Python source file")->required();
    record_cmd->add_option("-o,--output", record.output, "Trace file (.json or .ystrace)")->required();
    record_cmd->add_option("--granularity", record.granularity, "events | lines | instructions")
        ->check(CLI::IsMember({"events", "lines", "instructions"}));
    record_cmd->add_option("--max-steps", record.max_steps, "Instruction budget (0 = default)");

    ShowCommand show;
    auto* show_cmd = app.add_subcommand("show", "Draw a trace's diagrams as text in the terminal");
    show_cmd->add_option("file", show.file, "Trace file or Python program")->required();
    auto* step_opt = show_cmd->add_option("--step", show.step, "Step to show (default: last)");
    show_cmd->add_flag("--all", show.all, "Show every step")->excludes(step_opt);
    show_cmd->add_option("--view", show.view, "What to draw")
        ->check(CLI::IsMember({"layout", "frames", "heap", "exc", "events", "loop"}));
    show_cmd->add_option("--profile", show.profile, "CPython layout to draw: 3.11 or 3.7")
        ->check(CLI::IsMember({"3.11", "3.7"}));

    OpenCommand open;
    auto* open_cmd = app.add_subcommand("open", "Open a program or a trace in the GUI");
    open_cmd->add_option("file", open.file, "Trace file or Python program")->required();
    open_cmd->add_option("--bench-frames", open.bench_frames, "Render N frames, print ms/frame, exit");

    ScreenshotCommand shot;
    auto* shot_cmd = app.add_subcommand("screenshot", "Render the GUI offscreen to a PNG");
    shot_cmd->add_option("file", shot.file, "Trace file or Python program")->required();
    shot_cmd->add_option("--step", shot.step, "Step to show");
    shot_cmd->add_option("-o,--output", shot.output, "PNG file to write")->required();
    shot_cmd->add_option("--size", shot.size, "Window size WxH");
    shot_cmd->add_option("--panel", shot.panel, "Render only this panel");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help (on the app or any sub-command) arrives here too, with exit code 0;
        // CLI11 then prints the help of the sub-command that was asked.
        if (error.get_exit_code() == 0) return app.exit(error);
        return usage_error(app, error);
    }

    // The last resort for a machine out of memory (a huge trace): a message, not an abort.
    // A save in progress writes a temporary file, so an existing trace is never harmed.
    try {
        if (*run_cmd) return run_command(run);
        if (*dis_cmd) return dis_command(dis);
        if (*record_cmd) return record_command(record);
        if (*show_cmd) return show_command(show);
        if (*open_cmd) return open_command(open);
        if (*shot_cmd) return screenshot_command(shot);
        return open_command(OpenCommand{});
    } catch (const std::bad_alloc&) {
        std::fputs("yieldscope: out of memory\n", stderr);
        return 1;
    }
}
