def gen():
    try:
        yield 1
    except Exception as e:
        print("inside:", type(e).__name__, e.args)
        yield e

g = gen()
next(g)
err = RuntimeError("custom", 7)
got = g.throw(err)
print(got is err)
print(err.__traceback__ is not None)
