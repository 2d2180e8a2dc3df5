// Runs a program through the VM and captures stdout, stderr and the exit status.
#pragma once

#include <string>

namespace ys::test {

struct Run {
    std::string out;
    std::string err;
    int status = 0;
};

Run run(const std::string& source, long long max_steps = 0);

}  // namespace ys::test
