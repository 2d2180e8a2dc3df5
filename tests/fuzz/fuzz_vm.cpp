// Arbitrary programs through the whole VM under a small step budget and memory cap.
// Output is discarded; only crashes, hangs and sanitizer reports count.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "vm/vm.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    std::ostringstream out, err;
    ys::VmOptions options;
    options.argv = {"fuzz.py"};
    options.max_steps = 20000;
    options.max_memory = 64 << 20;
    options.out = &out;
    options.err = &err;
    (void)ys::run_program(source, "fuzz.py", options);
    return 0;
}
