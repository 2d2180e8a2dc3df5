import itertools

c = itertools.count()
print(next(c), next(c), next(c))
c2 = itertools.count(10, 5)
print([next(c2) for _ in range(4)])
print(list(zip("abc", itertools.count(1))))
print(list(itertools.repeat("x", 3)))
print(list(zip(range(3), itertools.repeat(None))))
print(list(map(lambda a, b: a * b, range(4), itertools.repeat(2))))
print(list(itertools.repeat(7, 0)))
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
