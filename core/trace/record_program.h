// Run a program in the VM with a Recorder attached and hand back its trace: the one
// place `record`, `show prog.py`, the golden-trace checks and the benchmark record.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "trace/trace.h"
#include "vm/vm.h"

namespace ys::trace {

// The recording step budget (VM instructions) when none is given.
inline constexpr int64_t kDefaultRecordBudget = 5'000'000;

struct RecordOptions {
    Granularity granularity = Granularity::Events;
    int64_t max_steps = 0;           // 0 = kDefaultRecordBudget
    std::ostream* out = nullptr;     // the program's stdout (null = std::cout)
    std::ostream* err = nullptr;     // the program's stderr (null = std::cerr)
};

struct RecordResult {
    Trace trace;
    RunResult run;
    bool budget_exhausted = false;   // the trace stops where the budget ran out
    bool out_of_memory = false;      // the trace stops where the machine ran out of memory
};

RecordResult record_program(const std::string& source, const std::string& filename, const RecordOptions& options);

}  // namespace ys::trace
