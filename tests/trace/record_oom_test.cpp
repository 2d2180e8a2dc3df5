// A recording that outgrows the machine's memory stops there, like one that runs out of
// its step budget: the trace so far is kept, ends with a ProgramEnd step, and replays.
// Run in a child process whose address space is limited, so the limit reaches no other
// test.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>

#include "trace/record_program.h"
#include "trace/replay.h"

namespace ys::trace {
namespace {

#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer's allocator aborts instead of failing an allocation
constexpr const char* kEndless = R"(def counter():
    i = 0
    while True:
        yield i
        i += 1

for value in counter():
    pass
)";

// The child's checks, as an exit status (0 = all held).
int record_until_out_of_memory() {
    unsigned long pages = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
        std::fclose(f);
    }
    if (!pages) return 10;
    rlimit lim{};
    lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(pages) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) + (rlim_t{256} << 20);
    if (::setrlimit(RLIMIT_AS, &lim) != 0) return 11;
    std::ostringstream out, err;
    RecordOptions options;
    options.out = &out;
    options.err = &err;
    options.max_steps = int64_t{1} << 40;
    RecordResult r = record_program(kEndless, "endless.py", options);
    if (!r.out_of_memory || !r.run.out_of_memory) return 12;
    if (r.run.exit_status != 3) return 13;
    if (err.str().find("out of memory") == std::string::npos) return 14;
    if (r.trace.step_count() < 1000 || !r.trace.header.truncated) return 15;
    if (r.trace.event_kind(r.trace.step_count() - 1) != EventKind::ProgramEnd) return 16;
    Replay replay(r.trace);
    const HeapState& last = replay.seek(r.trace.step_count() - 1);
    if (last.objects.empty()) return 17;
    return 0;
}
#endif

TEST(RecordOutOfMemory, StopsAndKeepsTheTraceSoFar) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer's allocator aborts instead of failing an allocation";
#else
    pid_t pid = ::fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) ::_exit(record_until_out_of_memory());
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "the child died (signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "check number " << WEXITSTATUS(status) << " failed";
#endif
}

}  // namespace
}  // namespace ys::trace
