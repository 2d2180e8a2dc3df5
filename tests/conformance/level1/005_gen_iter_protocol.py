def gen():
    yield 1
    yield 2

g = gen()
print(iter(g) is g)
print(g.__iter__() is g)
it = iter(gen())
print(list(it))
print(list(it))
print(list(gen()), tuple(gen()), sum(gen()))
print(next(iter(gen())))
print(next(gen(), "d"))
e = gen()
next(e); next(e)
print(next(e, "default"))
print(next(e, None))
