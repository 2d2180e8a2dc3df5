def inner():
    total = 0
    while True:
        received = yield total
        if received is None:
            break
        print("inner received", repr(received))
        total += received
    return "inner total %d" % total

def outer():
    print("outer starts")
    result = yield from inner()
    print("outer got", repr(result))
    yield "outer finished"

g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.gi_yieldfrom.__name__)
print(g.send(None))
print(g.gi_yieldfrom)
