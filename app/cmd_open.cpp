// Scaffolding: replaced by the engineer who owns the `open` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int open_command(const OpenCommand&) {
    std::cerr << "yieldscope: 'open' is not built yet\n";
    return 1;
}

}  // namespace ys::app
