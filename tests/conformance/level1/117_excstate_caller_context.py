def gen():
    yield 1
    raise ValueError("from gen")

g = gen()
next(g)
try:
    raise KeyError("caller is handling this")
except KeyError:
    try:
        next(g)
    except ValueError as e:
        print(repr(e), "context:", repr(e.__context__))
