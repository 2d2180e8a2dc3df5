def inner():
    try:
        yield "inner 1"
    except ValueError as e:
        print("inner handled", repr(e))
        yield "inner recovered"
    yield "inner 2"

def outer():
    try:
        yield from inner()
    except KeyError as e:
        print("outer handled", repr(e))
        yield "outer recovered"

g = outer()
print(next(g))
print(g.throw(ValueError("v")))
print(g.throw(KeyError("k")))
print(next(g, "end"))
