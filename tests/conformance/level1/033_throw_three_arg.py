def gen():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e.args)

g = gen()
next(g)
g.throw(ValueError, "from string")
g.throw(ValueError, ("a", "b"))
g.throw(TypeError, None)
g.throw(KeyError, KeyError("inst"))
g.throw(IndexError, "with tb", None)
try:
    raise ZeroDivisionError("original")
except ZeroDivisionError as e:
    tb = e.__traceback__
g.throw(ZeroDivisionError, ZeroDivisionError("tb given"), tb)
print("done")
