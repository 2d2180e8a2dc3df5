// Scaffolding: replaced by the engineer who owns the `record` command.
#include <iostream>

#include "commands.h"

namespace ys::app {

int record_command(const RecordCommand&) {
    std::cerr << "yieldscope: 'record' is not built yet\n";
    return 1;
}

}  // namespace ys::app
