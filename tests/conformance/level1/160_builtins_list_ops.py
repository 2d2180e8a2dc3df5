a = [1, 2, 3, 4, 5]
print(a[0], a[-1], a[1:3], a[:2], a[3:], a[::2], a[::-1], a[-2:])
a[0] = 10
a[1:3] = ["x", "y", "z"]
print(a)
del a[0]
del a[-2:]
print(a)
print([1, 2] + [3], [0] * 3, [1, 2] == [1, 2], [1, 2] < [1, 3])
print(2 in [1, 2], len([]), list("abc"), list(range(3, 0, -1)))
m = [[0] * 2 for _ in range(2)]
m[0][0] = 1
print(m)
x, *rest = [1, 2, 3]
first, (p, q), last = 1, (2, 3), 4
print(x, rest, first, p, q, last)
a = b = [1]
a += [2]
print(a, b, a is b)
