def gen():
    yield 1
    yield 2
    return 3

g = gen()
print(next(g), next(g))
