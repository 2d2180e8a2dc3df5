#include "trace/record_program.h"

#include "trace/recorder.h"

namespace ys::trace {

RecordResult record_program(const std::string& source, const std::string& filename, const RecordOptions& options) {
    Recorder recorder(options.granularity);
    recorder.set_program(filename, source);
    VmOptions vm;
    vm.argv = {filename};
    vm.max_steps = options.max_steps > 0 ? options.max_steps : kDefaultRecordBudget;
    vm.sink = &recorder;
    vm.granularity = options.granularity;
    vm.out = options.out;
    vm.err = options.err;
    RecordResult result;
    result.run = run_program(source, filename, vm);
    result.budget_exhausted = result.run.step_budget_exhausted;
    result.out_of_memory = result.run.out_of_memory;
    result.trace = recorder.finish(result.budget_exhausted || result.out_of_memory);
    return result;
}

}  // namespace ys::trace
