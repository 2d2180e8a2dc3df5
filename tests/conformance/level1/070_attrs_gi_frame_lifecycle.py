def gen():
    yield 1

g = gen()
f = g.gi_frame
print(type(f).__name__)
print(f is not None, g.gi_running, g.gi_suspended)
next(g)
print(g.gi_frame is f, g.gi_running, g.gi_suspended)
next(g, None)
print(g.gi_frame, g.gi_running, g.gi_suspended)
