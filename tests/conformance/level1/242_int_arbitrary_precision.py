# ints grow past 64 bits as CPython's do: a Fibonacci generator in class runs on.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
for i in range(101):
    v = next(g)
    if i in (90, 92, 93, 94, 100):
        print(i, v, type(v).__name__, v.bit_length())

big = 2 ** 64
print(big, -big, big - 1, big + 1, big * big)
print(2 ** 63 - 1 + 1, -2 ** 63 - 1, (-2 ** 63) // -1, abs(-2 ** 63))
print(big // 3, big % 7, -big // 7, -big % 7, divmod(big, -5), divmod(-big, 10 ** 20))
print(big / 3, 10 ** 30 / 10 ** 10, (2 ** 100 + 1) / 2 ** 100)
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98, (1 << 100) >> 200, -(1 << 100) >> 200)
print(big & (big - 1), big | 5, big ^ big, ~big, -big & 0xFF)
print(big == 2 ** 64, big != big + 1, big > 2 ** 63, -big < 0, 2 ** 70 > 1.5, 1e300 < 10 ** 400)
print(float(big), float(-big * big), int(1e20), int(-1.5e19), int(2.0 ** 80))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)), hash(10 ** 30) == hash(10 ** 30))
print({2 ** 64: "a", 2 ** 64 + 0: "b"}, 2 ** 64 in {2 ** 64}, [2 ** 64].index(2 ** 64))
print(str(3 ** 50), repr(-3 ** 50), f"{3 ** 50:,}", "%d" % 3 ** 45, "{:x}".format(2 ** 70))
print(hex(2 ** 70), bin(2 ** 65), oct(-2 ** 64), int("123456789012345678901234567890"))
print(int("-ffffffffffffffffffff", 16), int("0b" + "1" * 70, 0), pow(3, 200, 10 ** 9 + 7))
print(pow(2, 100, 2 ** 70 + 1), pow(7, -1, 2 ** 65 + 1) * 7 % (2 ** 65 + 1), round(2 ** 70, -5))
print(sum(range(10 ** 6)) * 10 ** 12, max(2 ** 64, 3), min(-2 ** 64, 0), sorted([2 ** 65, 1, -2 ** 65]))
print(2 ** -2, (2 ** 64) ** 0, 0 ** 0, (-1) ** (2 ** 65), 1 ** (2 ** 70), (2 ** 64) * 0)
print(True + 2 ** 64, bool(2 ** 64), bool(-(2 ** 64)), (2 ** 64).real, (2 ** 64).numerator)
x = 10 ** 20
x += 1
x *= x
print(x, x.bit_length(), len(str(x)))
print([1, 2, 3][:2 ** 64], [1, 2, 3][-2 ** 70:], "abc"[::2 ** 65], (1, 2)[::-2 ** 66])
cases = [
    ("[0] * 2 ** 64", lambda: [0] * 2 ** 64),
    ("[0] * -(2 ** 64)", lambda: [0] * -(2 ** 64)),
    ("'x' * 2 ** 70", lambda: 'x' * 2 ** 70),
    ("[1, 2][2 ** 64]", lambda: [1, 2][2 ** 64]),
    ("float(10 ** 400)", lambda: float(10 ** 400)),
    ("10 ** 400 / 1.5", lambda: 10 ** 400 / 1.5),
    ("1.5 + 10 ** 400", lambda: 1.5 + 10 ** 400),
    ("range(3)[2 ** 64]", lambda: range(3)[2 ** 64]),
    ("chr(2 ** 64)", lambda: chr(2 ** 64)),
    ("str(10 ** 5000)", lambda: str(10 ** 5000)),
]
for text, thunk in cases:
    try:
        print(text, "->", thunk())
    except (OverflowError, IndexError, ValueError, MemoryError) as e:
        print(text, "->", type(e).__name__ + ":", e)
