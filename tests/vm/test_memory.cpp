#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(VmMemory, DelOrderOfLocals) {
    auto r = run(
        "class D:\n"
        "    def __init__(self, n):\n"
        "        self.n = n\n"
        "    def __del__(self):\n"
        "        print('del', self.n)\n"
        "def f():\n"
        "    a = D('a')\n"
        "    b = D('b')\n"
        "f()\n"
        "print('end')\n");
    EXPECT_EQ(r.out, "del a\ndel b\nend\n");
}

TEST(VmMemory, GlobalsFinalizedAtExit) {
    auto r = run(
        "class D:\n"
        "    def __init__(self, n):\n"
        "        self.n = n\n"
        "    def __del__(self):\n"
        "        print('del', self.n)\n"
        "b = D('b')\n"
        "_a = D('_a')\n"
        "print('end')\n");
    EXPECT_EQ(r.out, "end\ndel b\ndel _a\n");  // python3: collected by the last gc, in allocation order
}

TEST(VmMemory, UnraisableInDel) {
    auto r = run(
        "class D:\n"
        "    def __del__(self):\n"
        "        1/0\n"
        "d = D()\n"
        "del d\n"
        "print('on')\n");
    EXPECT_EQ(r.out, "on\n");
    EXPECT_NE(r.err.find("Exception ignored in: <function D.__del__ at 0x"), std::string::npos);
    EXPECT_NE(r.err.find("ZeroDivisionError: division by zero\n"), std::string::npos);
}
