// `yieldscope run prog.py [args...]`: read the file like python3 does and run it.
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "vm/vm.h"

namespace ys::app {

static std::string absolute_path(const std::string& path) {
    char buf[PATH_MAX];
    if (!path.empty() && path[0] == '/') return path;
    if (realpath(".", buf)) return std::string(buf) + "/" + path;
    return path;
}

int run_command(const RunCommand& options) {
    std::ifstream in(options.program, std::ios::binary);
    if (!in) {
        std::cout.flush();
        std::cerr << "python3: can't open file '" << absolute_path(options.program)
                  << "': [Errno 2] No such file or directory\n";
        return 2;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    VmOptions vm;
    vm.argv.push_back(options.program);
    for (const auto& a : options.args) vm.argv.push_back(a);
    vm.max_steps = options.max_steps;
    vm.max_memory = options.max_memory;
    // python3 names the main script by its absolute path (cwd joined, not resolved)
    // in tracebacks, syntax errors and __file__; sys.argv[0] stays as given.
    RunResult r = run_program(buf.str(), absolute_path(options.program), vm);
    std::cout.flush();
    std::cerr.flush();
    return r.exit_status;
}

}  // namespace ys::app
