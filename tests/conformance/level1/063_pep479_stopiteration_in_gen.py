def gen():
    yield 1
    raise StopIteration("explicit")

g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print(e.__suppress_context__)
print(g.gi_frame)
