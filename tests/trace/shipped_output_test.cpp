// The shipped traces (traces/**.json) say what the program printed; that must be what
// python3 prints for the same program. The expectations are python3's own output,
// kept by tests/conformance (examples/NAME.out, regenerated and drift-checked there).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "trace/trace_io.h"

namespace ys::trace {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// What the trace's Output events wrote to one stream (0 = stdout, 1 = stderr).
std::string printed(const Trace& t, uint8_t stream) {
    std::string out;
    for (uint64_t s = 0; s < t.step_count(); ++s) {
        const StepRecord& r = t.record(s);
        if (r.kind == EventKind::Output && r.detail == stream) out += t.str(r.text);
    }
    return out;
}

// Addresses differ from run to run in CPython; the expectations hold 0x? instead
// (tests/conformance/_harness.py).
std::string without_addresses(const std::string& text) {
    static const std::regex address("0x[0-9a-f]+");
    return std::regex_replace(text, address, "0x?");
}

TEST(ShippedTraces, PrintWhatPython3Prints) {
    const fs::path root(YS_SOURCE_DIR);
    int checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root / "traces")) {
        if (entry.path().extension() != ".json") continue;
        const fs::path rel = fs::relative(entry.path(), root / "traces");
        fs::path expected = root / "tests/conformance/examples" / rel;
        expected.replace_extension(".out");
        SCOPED_TRACE(rel.string());
        ASSERT_TRUE(fs::exists(expected)) << "no python3 expectation " << expected;
        const Trace t = load_trace(entry.path());
        EXPECT_EQ(without_addresses(printed(t, 0)), read_file(expected));
        ++checked;
    }
    EXPECT_GE(checked, 11);  // the 7 Level-1 and 4 Level-2 traces
}

}  // namespace
}  // namespace ys::trace
