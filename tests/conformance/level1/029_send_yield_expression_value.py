def gen():
    a = yield "first"
    b = yield "second got %s" % (a,)
    c = yield a + b
    yield [a, b, c]

g = gen()
print(next(g))
print(g.send(3))
print(g.send(4))
print(g.send("c"))
