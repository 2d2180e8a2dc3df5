def gen():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("thrown", repr(e), "context", repr(e.__context__))
            yield 2

g = gen()
next(g)
print(g.throw(ValueError("v")))
