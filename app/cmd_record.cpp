// `yieldscope record prog.py -o out.json|out.ystrace [--granularity ...] [--max-steps N]`
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "trace/record_program.h"
#include "trace/trace_io.h"

namespace ys::app {

int record_command(const RecordCommand& options) {
    std::ifstream in(options.program, std::ios::binary);
    if (!in) {
        std::cerr << "yieldscope: can't open file '" << options.program << "'\n";
        return 2;
    }
    std::stringstream source;
    source << in.rdbuf();
    trace::RecordOptions rec;
    if (!trace::parse_granularity(options.granularity, rec.granularity)) {
        std::cerr << "yieldscope: unknown granularity '" << options.granularity << "' (events, lines or instructions)\n";
        return 2;
    }
    rec.max_steps = options.max_steps;
    trace::RecordResult result = trace::record_program(source.str(), options.program, rec);
    try {
        trace::save_trace(result.trace, options.output);
    } catch (const trace::TraceError& e) {
        std::cerr << "yieldscope: could not save the trace: " << e.what() << "\n";
        return 1;
    }
    const int64_t budget = options.max_steps > 0 ? options.max_steps : trace::kDefaultRecordBudget;
    if (result.out_of_memory) {
        std::cerr << "yieldscope: the machine ran out of memory while recording; the trace up to that point ("
                  << result.trace.step_count() << " steps) was saved to " << options.output
                  << ". Use --max-steps to record less.\n";
        return 1;
    }
    if (result.budget_exhausted) {
        std::cerr << "yieldscope: the program ran out of its step budget (" << budget
                  << " instructions); the trace up to that point (" << result.trace.step_count()
                  << " steps) was saved to " << options.output << ". Use --max-steps to allow more.\n";
        return 1;
    }
    std::cerr << "yieldscope: recorded " << result.trace.step_count() << " steps to " << options.output << "\n";
    return result.run.exit_status;
}

}  // namespace ys::app
