def gen():
    yield 1

g = gen()
list(g)
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print("propagates unchanged:", repr(e))
try:
    g.throw(StopIteration)
except StopIteration as e:
    print("StopIteration from finished gen", repr(e))
