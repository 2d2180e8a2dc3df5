def gen():
    while True:
        v = yield
        print("received", repr(v))
        if v == "stop":
            return "bye"

g = gen()
g.send(None)
next(g)
g.send(0)
g.__next__()
g.send(False)
try:
    g.send("stop")
except StopIteration as e:
    print(e.value)
