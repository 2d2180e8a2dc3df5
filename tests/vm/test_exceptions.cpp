#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(VmExceptions, UncaughtTracebackWithCarets) {
    auto r = run(
        "def f(a):\n"
        "    return a[1] + 1\n"
        "x = f([1])\n");
    EXPECT_EQ(r.err,
              "Traceback (most recent call last):\n"
              "  File \"prog.py\", line 3, in <module>\n"
              "    x = f([1])\n"
              "        ^^^^^^\n"
              "  File \"prog.py\", line 2, in f\n"
              "    return a[1] + 1\n"
              "           ~^^^\n"
              "IndexError: list index out of range\n");
    EXPECT_EQ(r.status, 1);
}

TEST(VmExceptions, ImplicitContextChain) {
    auto r = run(
        "try:\n"
        "    1/0\n"
        "except ZeroDivisionError:\n"
        "    raise KeyError('k')\n");
    EXPECT_EQ(r.err,
              "Traceback (most recent call last):\n"
              "  File \"prog.py\", line 2, in <module>\n"
              "    1/0\n"
              "    ~^~\n"
              "ZeroDivisionError: division by zero\n"
              "\n"
              "During handling of the above exception, another exception occurred:\n"
              "\n"
              "Traceback (most recent call last):\n"
              "  File \"prog.py\", line 4, in <module>\n"
              "    raise KeyError('k')\n"
              "KeyError: 'k'\n");
}

TEST(VmExceptions, StepBudget) {
    auto r = run("while True:\n    pass\n", 1000);
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("step budget of 1000 instructions exhausted at prog.py line"), std::string::npos);
}

TEST(VmExceptions, RecursionError) {
    auto r = run(
        "def f(n):\n"
        "    return f(n + 1)\n"
        "try:\n"
        "    f(0)\n"
        "except RecursionError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(r.out, "maximum recursion depth exceeded\n");
}
