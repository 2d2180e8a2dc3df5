// The sys, itertools, inspect, types, weakref and gc modules: expected outputs are
// python3 3.11's.

#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(BuiltinModules, Itertools) {
    auto r = run(
        "from itertools import islice, count, chain, tee, repeat\n"
        "print(list(islice(count(), 5)), list(islice(count(10, 3), 2, 8, 2)), count(1, 2), repeat(\"x\", 2))\n"
        "print(list(chain([1], \"ab\")), list(chain.from_iterable([[1], [2, 3]])))\n"
        "a, b = tee(iter([1, 2, 3]))\n"
        "print(next(a), list(b), list(a))\n");
    EXPECT_EQ(r.out,
        "[0, 1, 2, 3, 4] [16, 22, 28] count(1, 2) repeat('x', 2)\n"
        "[1, 'a', 'b'] [1, 2, 3]\n"
        "1 [1, 2, 3] [2, 3]\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinModules, IsliceClosesGenerator) {
    auto r = run(
        "from itertools import islice\n"
        "def g():\n"
        "    try:\n"
        "        yield 1\n"
        "        yield 2\n"
        "    finally:\n"
        "        print(\"closed\")\n"
        "it = islice(g(), 1)\n"
        "print(list(it))\n"
        "print(\"exhausted\")\n");
    EXPECT_EQ(r.out,
        "closed\n"
        "[1]\n"
        "exhausted\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinModules, SysModule) {
    auto r = run(
        "import sys\n"
        "print(sys.getrecursionlimit(), sys.maxsize, sys.exc_info(), sys.get_asyncgen_hooks())\n"
        "try:\n"
        "    raise KeyError(\"k\")\n"
        "except KeyError:\n"
        "    print(sys.exc_info()[0], repr(sys.exception()))\n"
        "x = object()\n"
        "print(sys.getrefcount(x))\n"
        "print(sys.stdout.write(\"w\\n\"))\n");
    EXPECT_EQ(r.out,
        "1000 9223372036854775807 (None, None, None) asyncgen_hooks(firstiter=None, finalizer=None)\n"
        "<class 'KeyError'> KeyError('k')\n"
        "2\n"
        "w\n"
        "2\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinModules, InspectAndTypes) {
    auto r = run(
        "import inspect, types\n"
        "def gen():\n"
        "    yield 1\n"
        "g = gen()\n"
        "print(inspect.getgeneratorstate(g), inspect.isgenerator(g), inspect.isgeneratorfunction(gen))\n"
        "next(g)\n"
        "print(inspect.getgeneratorstate(g), isinstance(g, types.GeneratorType))\n"
        "for _ in g: pass\n"
        "print(inspect.getgeneratorstate(g))\n");
    EXPECT_EQ(r.out,
        "GEN_CREATED True True\n"
        "GEN_SUSPENDED True\n"
        "GEN_CLOSED\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinModules, WeakrefFinalizeAndProxy) {
    auto r = run(
        "import weakref\n"
        "class A: pass\n"
        "a = A()\n"
        "f = weakref.finalize(a, print, \"finalized\")\n"
        "p = weakref.proxy(a)\n"
        "print(f.alive, type(p).__name__)\n"
        "del a\n"
        "print(f.alive)\n"
        "try:\n"
        "    p.x\n"
        "except ReferenceError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(r.out,
        "True ProxyType\n"
        "finalized\n"
        "False\n"
        "weakly-referenced object no longer exists\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinModules, GcFrontEnd) {
    auto r = run(
        "import gc\n"
        "class C: pass\n"
        "a = C(); a.self = a\n"
        "del a\n"
        "print(gc.isenabled(), gc.collect() > 0, gc.get_threshold())\n"
        "l = [C()]\n"
        "print(len(gc.get_referents(l)), any(x is l for x in gc.get_referrers(l[0])))\n");
    EXPECT_EQ(r.out,
        "True True (700, 10, 10)\n"
        "1 True\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}
