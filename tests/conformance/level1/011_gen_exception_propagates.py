def gen():
    yield 1
    raise ValueError("boom inside")
    yield 2

g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", repr(e))
print(g.gi_frame)
print(next(g, "exhausted"))
