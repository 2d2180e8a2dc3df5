// Scaffolding until the VM lands.
#include "vm/vm.h"

#include <iostream>

namespace ys {

RunResult run_program(std::string_view, const std::string&, const VmOptions& options) {
    (options.err ? *options.err : std::cerr) << "yieldscope: the VM is not built yet\n";
    return RunResult{1, false, 0};
}

}  // namespace ys
