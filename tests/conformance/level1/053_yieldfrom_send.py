def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
        print("inner got", x)

def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer done"

g = outer()
print(next(g))
print(g.send(5))
print(g.send(7))
print(g.send(None))
