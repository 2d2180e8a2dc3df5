def inner():
    yield 1
    yield 2

def outer():
    yield 0
    yield from inner()
    yield 3

g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom)
next(g)
sub = g.gi_yieldfrom
print(type(sub).__name__, sub.__name__)
print(sub.gi_running, sub.gi_suspended, g.gi_suspended)
next(g)
print(g.gi_yieldfrom is sub)
next(g)
print(g.gi_yieldfrom, sub.gi_frame)
