def gen():
    yield
    x = yield
    print("x is", x)
    yield None

g = gen()
print(next(g))
print(next(g))
print(next(g))
print(list(gen()))
