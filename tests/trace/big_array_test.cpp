#include "trace/big_array.h"

#include <gtest/gtest.h>

#include <cstdint>

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

}  // namespace
}  // namespace ys::trace
