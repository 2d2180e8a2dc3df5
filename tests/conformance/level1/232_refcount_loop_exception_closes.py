def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("gen finally", tag)

try:
    for x in gen("loop"):
        raise ValueError("in loop body")
except ValueError:
    print("handler runs after the loop's generator was closed")

def f():
    g = gen("local")
    next(g)
    raise KeyError("from f")

try:
    f()
except KeyError as e:
    print("handler: the traceback still holds f's frame and its local g")
print("leaving the except block freed the traceback")
