// The builtin functions (module_builtins.cpp, builtins_numeric.cpp, builtins_iter.cpp,
// str_format.cpp): expected outputs are python3 3.11's.

#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(Builtins, PrintArguments) {
    auto r = run(
        "import sys\n"
        "print(\"a\", 1, None, sep=\"-\", end=\"!\\n\")\n"
        "print(*\"abc\", sep=\"\")\n"
        "class W:\n"
        "    def __init__(self): self.parts = []\n"
        "    def write(self, s): self.parts.append(s)\n"
        "    def flush(self): self.parts.append(\"F\")\n"
        "w = W()\n"
        "print(\"x\", \"y\", file=w, flush=True)\n"
        "print(w.parts)\n");
    EXPECT_EQ(r.out,
        "a-1-None!\n"
        "abc\n"
        "['x', ' ', 'y', '\\n', 'F']\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(Builtins, ErrorMessages) {
    auto r = run(
        "def check(f):\n"
        "    try:\n"
        "        f()\n"
        "    except Exception as e:\n"
        "        print(type(e).__name__ + \":\", e)\n"
        "check(lambda: len(1, 2))\n"
        "check(lambda: len(5))\n"
        "check(lambda: next(5))\n"
        "check(lambda: min([]))\n"
        "check(lambda: min(1, 2, default=0))\n"
        "check(lambda: max(1, foo=2))\n"
        "check(lambda: chr(-1))\n"
        "check(lambda: ord(\"ab\"))\n"
        "check(lambda: int(\"x\"))\n"
        "check(lambda: int(\"12\", 1))\n"
        "check(lambda: sum([\"a\"], \"\"))\n"
        "check(lambda: getattr(1, 2))\n"
        "check(lambda: iter(5, 5))\n"
        "check(lambda: reversed(5))\n"
        "check(lambda: map(len))\n"
        "check(lambda: sorted())\n"
        "check(lambda: divmod(1.0, 0))\n"
        "check(lambda: pow(2, -1, 4))\n"
        "check(lambda: round(\"x\"))\n"
        "check(lambda: print(1, sep=3))\n");
    EXPECT_EQ(r.out,
        "TypeError: len() takes exactly one argument (2 given)\n"
        "TypeError: object of type 'int' has no len()\n"
        "TypeError: 'int' object is not an iterator\n"
        "ValueError: min() arg is an empty sequence\n"
        "TypeError: Cannot specify a default for min() with multiple positional arguments\n"
        "TypeError: 'foo' is an invalid keyword argument for max()\n"
        "ValueError: chr() arg not in range(0x110000)\n"
        "TypeError: ord() expected a character, but string of length 2 found\n"
        "ValueError: invalid literal for int() with base 10: 'x'\n"
        "ValueError: int() base must be >= 2 and <= 36, or 0\n"
        "TypeError: sum() can't sum strings [use ''.join(seq) instead]\n"
        "TypeError: attribute name must be string, not 'int'\n"
        "TypeError: iter(v, w): v must be callable\n"
        "TypeError: 'int' object is not reversible\n"
        "TypeError: map() must have at least two arguments.\n"
        "TypeError: sorted expected 1 argument, got 0\n"
        "ZeroDivisionError: float divmod()\n"
        "ValueError: base is not invertible for the given modulus\n"
        "TypeError: type str doesn't define __round__ method\n"
        "TypeError: sep must be None or a string, not int\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(Builtins, NumericBuiltins) {
    auto r = run(
        "print(abs(-3), abs(-2.5), divmod(-7, 2), divmod(7.5, -2), pow(3, -1, 7), pow(2, 10, 1000))\n"
        "print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1250, -2), round(1350, -2), round(0.125, 2))\n"
        "print(bin(-5), oct(8), hex(255), chr(8364), ord(\"A\"), sum([1, 2], 10), sum([0.1] * 10))\n"
        "print(int(\"0x1f\", 0), int(\" -1_000 \"), int(\"z\", 36), int(-3.9), (5).bit_length(), (2.0).is_integer())\n");
    EXPECT_EQ(r.out,
        "3 2.5 (-4, 1) (-4.0, -0.5) 5 24\n"
        "2 4 0 2.67 1200 1400 0.12\n"
        "-0b101 0o10 0xff \u20ac 65 13 0.9999999999999999\n"
        "31 -1000 35 -3 3 True\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(Builtins, IterationBuiltins) {
    auto r = run(
        "print(list(enumerate(\"ab\", 1)), list(zip(\"ab\", [1, 2, 3])), list(map(pow, [2, 3], [2, 2])))\n"
        "print(list(filter(None, [0, 1, \"\", \"x\"])), list(reversed(range(4))), list(reversed(\"ab\")), list(reversed([1, 2])))\n"
        "print(sorted([3, 1, 2], reverse=True), sorted([\"b\", \"A\", \"c\"], key=str.lower), any([]), all([]))\n"
        "print(max([1, 5, 3], key=lambda v: -v), min(\"hello\"), max([], default=\"e\"), list(iter([3, 2, 1, 0].pop, 1)))\n"
        "it = iter([1])\n"
        "print(next(it), next(it, \"done\"))\n");
    EXPECT_EQ(r.out,
        "[(1, 'a'), (2, 'b')] [('a', 1), ('b', 2)] [4, 9]\n"
        "[1, 'x'] [3, 2, 1, 0] ['b', 'a'] [2, 1]\n"
        "[3, 2, 1] ['A', 'b', 'c'] False True\n"
        "1 e e [0]\n"
        "1 done\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(Builtins, ObjectBuiltins) {
    auto r = run(
        "class C:\n"
        "    def __init__(self): self.a = 1\n"
        "c = C()\n"
        "setattr(c, \"b\", 2)\n"
        "delattr(c, \"a\")\n"
        "print(vars(c), hasattr(c, \"b\"), getattr(c, \"zz\", \"dflt\"), callable(C), isinstance(True, (str, int)))\n"
        "print(issubclass(bool, (str, int)), repr(\"a'b\"), ascii(\"\\u00e9\"), hash(-1), type(1).__name__)\n");
    EXPECT_EQ(r.out,
        "{'b': 2} True dflt True True\n"
        "True \"a'b\" '\\xe9' -2 int\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(Builtins, FormatBuiltin) {
    auto r = run(
        "class P:\n"
        "    def __format__(self, spec): return \"P<\" + spec + \">\"\n"
        "print(format(3.5), format(10, \"b\"), format(\"s\", \"^5\"), format(True), format(True, \"d\"), format(P(), \"x\"))\n"
        "print(f\"{P():q} {3.14159:.2f} {42:05d} {'hi'!r:>6} {1234567:,}\")\n");
    EXPECT_EQ(r.out,
        "3.5 1010   s   True 1 P<x>\n"
        "P<q> 3.14 00042   'hi' 1,234,567\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}
