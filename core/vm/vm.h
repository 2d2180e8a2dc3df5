// The VM's public face: run a program from source, optionally reporting to a trace sink.
// Everything else in core/vm is internal to the VM.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "trace/sink.h"

namespace ys {

struct VmOptions {
    std::vector<std::string> argv;   // sys.argv; argv[0] is the script path
    int64_t max_steps = 0;           // instruction budget; 0 = unlimited
    int64_t max_memory = 0;          // bytes of object memory; 0 = unlimited
    trace::TraceSink* sink = nullptr;
    trace::Granularity granularity = trace::Granularity::Events;
    std::ostream* out = nullptr;     // sys.stdout; null = std::cout
    std::ostream* err = nullptr;     // sys.stderr; null = std::cerr
};

struct RunResult {
    int exit_status = 0;             // what `python3 prog.py` would exit with
    bool step_budget_exhausted = false;
    // The machine ran out of memory (a recording's trace outgrew it): the run stopped
    // there, as at the step budget, and what was recorded so far is kept.
    bool out_of_memory = false;
    int64_t steps = 0;               // instructions executed
};

// Compiles and runs `source` as __main__. Syntax errors, uncaught exceptions, the step
// budget and the memory cap are all reported on `err` the way CPython would, never thrown.
RunResult run_program(std::string_view source, const std::string& filename, const VmOptions& options);

}  // namespace ys
