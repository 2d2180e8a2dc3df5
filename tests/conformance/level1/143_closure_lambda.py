square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x, step=1: x + step
print(square(7), compose(square, inc)(2), inc(1, step=10))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(square.__name__)
pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=lambda p: p[1])
print(pairs)
print((lambda: "no args")())
