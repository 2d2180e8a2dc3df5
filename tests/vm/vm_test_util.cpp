#include "vm_test_util.h"

#include <sstream>

#include "vm/vm.h"

namespace ys::test {

Run run(const std::string& source, long long max_steps, trace::TraceSink* sink) {
    std::ostringstream out, err;
    VmOptions opt;
    opt.argv = {"prog.py"};
    opt.out = &out;
    opt.err = &err;
    opt.max_steps = max_steps;
    opt.sink = sink;
    RunResult r = run_program(source, "prog.py", opt);
    return Run{out.str(), err.str(), r.exit_status};
}

}  // namespace ys::test
