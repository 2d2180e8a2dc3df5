# yield from: values sent to the outer generator go straight to the inner one,
# and the inner generator's return value becomes the value of `yield from`.
def inner():
    total = 0
    while True:
        received = yield total
        if received is None:
            break
        print("inner received", received)
        total += received
    return total


def outer():
    print("outer starts")
    result = yield from inner()
    print("inner returned", result)
    yield "outer finished"


g = outer()
print(next(g))
print(g.send(10))
print(g.send(32))
print("outer is delegating to", g.gi_yieldfrom.__name__)
print(g.send(None))
print("delegation over:", g.gi_yieldfrom)
