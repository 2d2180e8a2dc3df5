#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(VmGenerators, SendAndReturnValue) {
    auto r = run(
        "def g():\n"
        "    x = yield 1\n"
        "    print('got', x)\n"
        "    return 5\n"
        "it = g()\n"
        "print(next(it))\n"
        "try:\n"
        "    it.send('hi')\n"
        "except StopIteration as e:\n"
        "    print('stop', e.value)\n");
    EXPECT_EQ(r.out, "1\ngot hi\nstop 5\n");
}

TEST(VmGenerators, YieldFromDelegatesAndReturns) {
    auto r = run(
        "def inner():\n"
        "    yield 1\n"
        "    yield 2\n"
        "    return 'r'\n"
        "def outer():\n"
        "    v = yield from inner()\n"
        "    yield v\n"
        "print(list(outer()))\n");
    EXPECT_EQ(r.out, "[1, 2, 'r']\n");
}

TEST(VmGenerators, CloseRunsFinallyOnDealloc) {
    auto r = run(
        "def g():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        print('finally')\n"
        "x = g()\n"
        "next(x)\n"
        "del x\n"
        "print('after')\n");
    EXPECT_EQ(r.out, "finally\nafter\n");
}

TEST(VmGenerators, Pep479) {
    auto r = run(
        "def g():\n"
        "    raise StopIteration\n"
        "    yield\n"
        "try:\n"
        "    next(g())\n"
        "except RuntimeError as e:\n"
        "    print(e, type(e.__cause__).__name__)\n");
    EXPECT_EQ(r.out, "generator raised StopIteration StopIteration\n");
}

TEST(VmGenerators, AlreadyExecuting) {
    auto r = run(
        "def g():\n"
        "    yield me.send(None)\n"
        "me = g()\n"
        "try:\n"
        "    next(me)\n"
        "except ValueError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(r.out, "generator already executing\n");
}
