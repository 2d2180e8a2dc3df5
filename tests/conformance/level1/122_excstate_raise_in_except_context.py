def gen():
    try:
        yield 1
    except KeyError as e:
        try:
            yield "handling " + repr(e)
        finally:
            print("finally sees pending?")
    yield 3

g = gen()
next(g)
print(g.throw(KeyError("x")))
try:
    g.throw(ValueError("y"))
except ValueError as e:
    print(repr(e), "context", repr(e.__context__))
