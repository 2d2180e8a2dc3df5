// Scaffolding: replaced by the engineer who owns the `run` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int run_command(const RunCommand&) {
    std::cerr << "yieldscope: 'run' is not built yet\n";
    return 1;
}

}  // namespace ys::app
