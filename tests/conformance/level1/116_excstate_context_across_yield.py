def gen():
    try:
        1 / 0
    except ZeroDivisionError:
        yield "in handler"
        raise ValueError("raised after yield")

g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
