// Scaffolding: replaced by the engineer who owns the `show` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int show_command(const ShowCommand&) {
    std::cerr << "yieldscope: 'show' is not built yet\n";
    return 1;
}

}  // namespace ys::app
