// Arbitrary bytes through lexer, parser and compiler: any outcome but a crash, a hang
// or a sanitizer report is fine. A syntax error must still format.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/compiler.h"
#include "lang/disassembler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    ys::CompileResult result = ys::compile_source(source, "fuzz.py");
    if (result.code) {
        (void)ys::disassemble(*result.code);
    } else {
        (void)ys::format_syntax_error(result.error);
    }
    return 0;
}
