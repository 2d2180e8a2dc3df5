#include "trace/big_array.h"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

namespace ys::trace {
namespace {

struct Item {
    uint64_t a;
    uint32_t b;
};

// Filled past the heap-to-mapping switch (1 MiB) and across several in-place growths.
constexpr size_t kMany = (size_t{5} << 20) / sizeof(Item) + 12345;

void fill(BigArray<Item>& v, size_t n) {
    for (size_t i = 0; i < n; i++) v.push_back(Item{i * 7, static_cast<uint32_t>(i)});
}

bool holds_fill(const BigArray<Item>& v, size_t n) {
    if (v.size() != n) return false;
    for (size_t i = 0; i < n; i++)
        if (v[i].a != i * 7 || v[i].b != static_cast<uint32_t>(i)) return false;
    return true;
}

TEST(BigArray, KeepsEveryElementWhileGrowingFromHeapToMapping) {
    BigArray<Item> v;
    EXPECT_TRUE(v.empty());
    fill(v, kMany);
    EXPECT_TRUE(holds_fill(v, kMany));
    EXPECT_GE(v.capacity(), kMany);
    EXPECT_EQ(v.back().b, static_cast<uint32_t>(kMany - 1));
}

TEST(BigArray, ReserveThenFillDoesNotMoveTheStorage) {
    BigArray<Item> v;
    v.reserve(kMany);
    const Item* before = v.data();
    fill(v, kMany);
    EXPECT_EQ(v.data(), before);
    EXPECT_TRUE(holds_fill(v, kMany));
}

TEST(BigArray, CopiesAndMovesKeepTheContent) {
    for (size_t n : {size_t{0}, size_t{10}, kMany}) {
        BigArray<Item> v;
        fill(v, n);
        BigArray<Item> copy(v);
        EXPECT_TRUE(holds_fill(copy, n));
        BigArray<Item> moved(std::move(copy));
        EXPECT_TRUE(holds_fill(moved, n));
        EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from array is empty
        BigArray<Item> assigned;
        fill(assigned, 3);
        assigned = v;
        EXPECT_TRUE(holds_fill(assigned, n));
        assigned = std::move(moved);
        EXPECT_TRUE(holds_fill(assigned, n));
        EXPECT_TRUE(holds_fill(v, n));
    }
}

TEST(BigArray, ClearKeepsTheStorageForReuse) {
    BigArray<Item> v;
    fill(v, kMany);
    const size_t cap = v.capacity();
    v.clear();
    EXPECT_TRUE(v.empty());
    EXPECT_EQ(v.capacity(), cap);
    fill(v, 100);
    EXPECT_TRUE(holds_fill(v, 100));
}

// Where address space is limited (ulimit -v, valgrind) the big reservation fails: the
// array must still grow (by moving), never abort. Checked in a child process, so the
// limit does not reach the other tests.
TEST(BigArray, GrowsUnderALimitOnAddressSpace) {
    pid_t pid = ::fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        // 1 GiB more than the process maps now (a sanitizer's shadow included): far
        // below the 64 GiB reservation.
        unsigned long pages = 0;
        if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
            if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
            std::fclose(f);
        }
        if (!pages) ::_exit(3);
        rlimit lim{};
        lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(pages) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) + (rlim_t{1} << 30);
        if (::setrlimit(RLIMIT_AS, &lim) != 0) ::_exit(2);
        BigArray<Item> v;
        fill(v, kMany * 8);
        ::_exit(holds_fill(v, kMany * 8) ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "the child died (signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")";
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace ys::trace
