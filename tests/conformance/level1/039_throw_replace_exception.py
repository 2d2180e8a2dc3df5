def gen():
    try:
        yield 1
    except KeyError as e:
        raise ValueError("converted") from e

g = gen()
next(g)
try:
    g.throw(KeyError("k"))
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
    print(e.__suppress_context__)
