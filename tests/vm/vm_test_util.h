// Runs a program through the VM and captures stdout, stderr and the exit status;
// with a sink, the VM reports to it as `yieldscope record` does.
#pragma once

#include <string>

namespace ys::trace {
class TraceSink;
}

namespace ys::test {

struct Run {
    std::string out;
    std::string err;
    int status = 0;
};

Run run(const std::string& source, long long max_steps = 0, trace::TraceSink* sink = nullptr);

}  // namespace ys::test
