import inspect

def gen():
    print("inside:", inspect.getgeneratorstate(g))
    yield 1

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
next(g, None)
print(inspect.getgeneratorstate(g))

h = gen()
h.close()
print(inspect.getgeneratorstate(h))
print(inspect.GEN_CREATED, inspect.GEN_RUNNING, inspect.GEN_SUSPENDED, inspect.GEN_CLOSED)
