// Scaffolding: replaced by the engineer who owns the `dis` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int dis_command(const DisCommand&) {
    std::cerr << "yieldscope: 'dis' is not built yet\n";
    return 1;
}

}  // namespace ys::app
