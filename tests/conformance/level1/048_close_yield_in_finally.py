def gen():
    try:
        yield 1
    finally:
        yield "cleanup value"

g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(g.gi_suspended)
try:
    next(g)
except GeneratorExit as e:
    print("finally re-raises the pending", repr(e))
print(g.gi_frame)
