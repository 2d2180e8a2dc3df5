def echo():
    received = None
    while True:
        received = yield "got %r" % (received,)

g = echo()
print(g.send(None))
print(g.send(1))
print(g.send("two"))
print(g.send([3]))
print(next(g))
