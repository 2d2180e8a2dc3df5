def gen():
    try:
        yield 1
        print("not reached")
    finally:
        print("finally runs during throw")

g = gen()
next(g)
try:
    g.throw(RuntimeError("stop"))
except RuntimeError as e:
    print("caller sees", e)
