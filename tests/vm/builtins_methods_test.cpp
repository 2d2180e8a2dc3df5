// Methods of list, dict, set, tuple and str, str.format and str % args: expected
// outputs are python3 3.11's.

#include <gtest/gtest.h>

#include "vm_test_util.h"

using ys::test::run;

TEST(BuiltinMethods, ListMethods) {
    auto r = run(
        "l = [5, 3, 8, 1]\n"
        "l.sort()\n"
        "print(l, l.pop(), l.pop(0), l)\n"
        "l.extend((7, 9)); l.insert(1, 4)\n"
        "print(l, l.index(7), l.count(4))\n"
        "l.remove(4); l.reverse()\n"
        "print(l, l.copy())\n"
        "try:\n"
        "    l.remove(99)\n"
        "except ValueError as e:\n"
        "    print(e)\n"
        "pairs = [(1, \"b\"), (0, \"a\"), (1, \"a\")]\n"
        "pairs.sort(key=lambda p: p[0], reverse=True)\n"
        "print(pairs)\n");
    EXPECT_EQ(r.out,
        "[3, 5] 8 1 [3, 5]\n"
        "[3, 4, 5, 7, 9] 3 1\n"
        "[9, 7, 5, 3] [9, 7, 5, 3]\n"
        "list.remove(x): x not in list\n"
        "[(1, 'b'), (1, 'a'), (0, 'a')]\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinMethods, DictMethods) {
    auto r = run(
        "d = {\"a\": 1, \"b\": 2}\n"
        "print(d.keys(), d.values(), d.items(), \"a\" in d.keys(), (\"b\", 2) in d.items())\n"
        "print(d.get(\"z\", 0), d.setdefault(\"c\", 3), d.pop(\"a\"), d.pop(\"q\", None), d)\n"
        "d.update({\"x\": 9}, y=8)\n"
        "print(d, d.popitem(), dict.fromkeys(\"ab\", 0), d.keys() & {\"b\", \"q\"})\n"
        "try:\n"
        "    {}.popitem()\n"
        "except KeyError as e:\n"
        "    print(repr(e))\n");
    EXPECT_EQ(r.out,
        "dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)]) True True\n"
        "0 3 1 None {'b': 2, 'c': 3}\n"
        "{'b': 2, 'c': 3, 'x': 9} ('y', 8) {'a': 0, 'b': 0} {'b'}\n"
        "KeyError('popitem(): dictionary is empty')\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinMethods, SetMethods) {
    auto r = run(
        "s = {3, 1, 2}\n"
        "s.add(4); s.discard(1); s.remove(2)\n"
        "print(s, s.union([9]), s.intersection({3, 9}), s.difference({3}), s.symmetric_difference({4, 5}))\n"
        "print({1}.issubset({1, 2}), {1, 2}.issuperset({1}), {1}.isdisjoint([2]), frozenset([1]).union([2]))\n"
        "t = s\n"
        "t |= {7}\n"
        "print(t is s, s, s.pop(), s)\n");
    EXPECT_EQ(r.out,
        "{3, 4} {9, 3, 4} {3} {4} {3, 5}\n"
        "True True True frozenset({1, 2})\n"
        "True {4, 7} 3 {4, 7}\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinMethods, StrSearchAndSplit) {
    auto r = run(
        "print(\"a,b,,c\".split(\",\"), \"a b  c\".split(), \"1,2,3\".rsplit(\",\", 1), \"x\\ny\\r\\nz\".splitlines())\n"
        "print(\"banana\".find(\"na\"), \"banana\".rfind(\"na\"), \"banana\".count(\"a\"), \"banana\".replace(\"a\", \"o\", 2))\n"
        "print(\"hello\".startswith((\"x\", \"he\")), \"a-b-c\".partition(\"-\"), \"a-b-c\".rpartition(\"-\"), \"-\".join(\"abc\"))\n"
        "print(repr(\"  x \".strip()), \"xxhixx\".strip(\"x\"), \"ab\".center(7, \"*\"), \"-42\".zfill(6), \"hello world\".title())\n"
        "print(\"Ab1\".isalnum(), \"12\".isdigit(), \" \".isspace(), \"AB\".isupper(), \"ab\".islower(), \"ab\".upper(), \"AB\".lower())\n");
    EXPECT_EQ(r.out,
        "['a', 'b', '', 'c'] ['a', 'b', 'c'] ['1,2', '3'] ['x', 'y', 'z']\n"
        "2 4 3 bonona\n"
        "True ('a', '-', 'b-c') ('a-b', '-', 'c') a-b-c\n"
        "'x' hi ***ab** -00042 Hello World\n"
        "True True True True True AB ab\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinMethods, StrFormat) {
    auto r = run(
        "print(\"{} + {} = {}\".format(1, 2, 3), \"{1}{0}\".format(\"a\", \"b\"), \"{x}-{y[0]}\".format(x=1, y=[2]))\n"
        "print(\"{:>6}|{:<4}|{:^5}|{:{}}|\".format(\"ab\", 1, \"c\", 7, 3), \"{!r}\".format(\"q\"), \"{{}}\".format())\n"
        "print(\"%5.2f|%-4d|%s|%r|%x|%%\" % (2.345, 42, \"s\", \"r\", 255), \"%(a)s=%(b)d\" % {\"a\": \"k\", \"b\": 3})\n"
        "try:\n"
        "    \"{0}{}\".format(1, 2)\n"
        "except ValueError as e:\n"
        "    print(e)\n"
        "try:\n"
        "    \"%d\" % \"a\"\n"
        "except TypeError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(r.out,
        "1 + 2 = 3 ba 1-2\n"
        "    ab|1   |  c  |  7| 'q' {}\n"
        " 2.35|42  |s|'r'|ff|% k=3\n"
        "cannot switch from manual field specification to automatic field numbering\n"
        "%d format: a real number is required, not str\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}

TEST(BuiltinMethods, TupleMethods) {
    auto r = run(
        "t = (1, 2, 3, 2)\n"
        "print(t.index(2), t.count(2), t.index(2, 2))\n"
        "try:\n"
        "    t.index(9)\n"
        "except ValueError as e:\n"
        "    print(e)\n");
    EXPECT_EQ(r.out,
        "1 2 3\n"
        "tuple.index(x): x not in tuple\n");
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.status, 0);
}
