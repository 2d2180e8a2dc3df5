#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(VmObjects, PrintsArithmetic) {
    auto r = run("print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 1 / 4)\n");
    EXPECT_EQ(r.out, "3 3 -4 -2 1024 0.25\n");
    EXPECT_EQ(r.status, 0);
}

TEST(VmObjects, ContainersRepr) {
    auto r = run("print([1, 'a', (2,), {'k': None}], (), {1, 2, 3})\n");
    EXPECT_EQ(r.out, "[1, 'a', (2,), {'k': None}] () {1, 2, 3}\n");
}

TEST(VmObjects, ClassesAndSuper) {
    auto r = run(
        "class A:\n"
        "    def __init__(self, x):\n"
        "        self.x = x\n"
        "    def __repr__(self):\n"
        "        return 'A(%d)' % self.x if False else 'A(' + repr(self.x) + ')'\n"
        "class B(A):\n"
        "    def __init__(self, x):\n"
        "        super().__init__(x * 2)\n"
        "print(repr(B(4)), isinstance(B(1), A))\n");
    EXPECT_EQ(r.out, "A(8) True\n");
}

TEST(VmObjects, FloatRepr) {
    auto r = run("print(0.1, 1e16, 1.5e-7, 2.0, -0.0, 1/3)\n");
    EXPECT_EQ(r.out, "0.1 1e+16 1.5e-07 2.0 -0.0 0.3333333333333333\n");
}
