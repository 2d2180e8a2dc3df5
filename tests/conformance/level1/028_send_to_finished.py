def gen():
    yield 1

g = gen()
next(g)
for i in range(2):
    try:
        g.send("x")
    except StopIteration as e:
        print("StopIteration", repr(e))

g2 = gen()
list(g2)
try:
    g2.send("x")
except StopIteration as e:
    print("after list():", repr(e))

g3 = gen()
g3.close()
try:
    g3.send(None)
except StopIteration:
    print("closed before start: StopIteration")
