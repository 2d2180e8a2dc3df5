// The sub-commands of `yieldscope`. main.cpp parses arguments (CLI11) into these option
// structs; each command lives in its own file and returns the process exit status.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ys::app {

struct RunCommand {
    std::string program;
    std::vector<std::string> args;  // sys.argv[1:]
    int64_t max_steps = 0;
    int64_t max_memory = 0;
};
int run_command(const RunCommand& options);

struct DisCommand {
    std::string program;
    bool show_caches = false;
};
int dis_command(const DisCommand& options);

struct RecordCommand {
    std::string program;
    std::string output;              // .json or .ystrace (binary)
    std::string granularity = "events";
    int64_t max_steps = 0;           // 0 = the recording default
};
int record_command(const RecordCommand& options);

struct ShowCommand {
    std::string file;                // a trace, or a program recorded on the fly
    int64_t step = -1;               // -1 = the last step unless `all`
    bool all = false;
    std::string view = "layout";     // layout | frames | heap | exc | events
    std::string profile = "3.11";    // 3.11 | 3.7
};
int show_command(const ShowCommand& options);

struct OpenCommand {
    std::string file;                // empty = the built-in default example
    int64_t bench_frames = 0;        // >0: render N frames, print ms per frame, exit
};
int open_command(const OpenCommand& options);

struct ScreenshotCommand {
    std::string file;
    int64_t step = 0;
    std::string output;
    std::string size = "1600x1000";
    std::string panel;               // empty = the whole window
};
int screenshot_command(const ScreenshotCommand& options);

}  // namespace ys::app
