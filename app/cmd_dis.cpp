// `yieldscope dis prog.py`: the listing `python3 -m dis prog.py` prints, from our own
// compiler. Exit statuses follow `python3 -m dis`: 2 when the file cannot be opened
// (argparse's error), 1 on a SyntaxError.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

#include "commands.h"
#include "lang/compiler.h"
#include "lang/disassembler.h"

namespace ys::app {

namespace {

int open_error(const std::string& path, int err) {
    std::cerr << "usage: dis.py [-h] [infile]\n"
              << "dis.py: error: argument infile: can't open '" << path << "': [Errno " << err << "] "
              << std::strerror(err) << ": '" << path << "'\n";
    return 2;
}

}  // namespace

int dis_command(const DisCommand& options) {
    struct stat st {};
    if (stat(options.program.c_str(), &st) != 0) return open_error(options.program, errno);
    if (S_ISDIR(st.st_mode)) return open_error(options.program, EISDIR);
    std::ifstream in(options.program, std::ios::binary);
    if (!in) return open_error(options.program, errno ? errno : EACCES);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string source = buffer.str();

    CompileResult result = compile_source(source, options.program);
    if (!result.code) {
        std::cerr << format_syntax_error(result.error);
        return 1;
    }
    DisOptions dis_options;
    dis_options.show_caches = options.show_caches;
    std::cout << disassemble(*result.code, dis_options);
    return 0;
}

}  // namespace ys::app
