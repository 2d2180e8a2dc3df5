def noisy():
    print("body runs")
    yield "first"
    print("second step")
    yield "second"

g = noisy()
print("nothing printed yet")
print(type(g).__name__)
print(g.__name__, g.__qualname__)
print("calling next")
print(next(g))
print(g.__next__())
