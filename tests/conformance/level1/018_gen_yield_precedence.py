def gen():
    x = yield 1, 2
    print("x =", x)
    y = (yield) or "default"
    print("y =", y)
    z = [(yield "z")]
    print("z =", z)
    w = 10 + (yield "w")
    print("w =", w)

g = gen()
print(next(g))
print(g.send("hello"))
print(g.send(None))
print(g.send("zz"))
try:
    g.send(5)
except StopIteration:
    print("stopped")
