def inner():
    try:
        yield 1
    except GeneratorExit:
        print("inner ignores GeneratorExit")
        yield 2

def outer():
    yield from inner()

g = outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(g.gi_yieldfrom is not None)
g = None
print("end")
