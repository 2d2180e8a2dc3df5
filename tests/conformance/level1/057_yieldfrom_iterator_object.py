class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

def outer():
    r = yield from Countdown(3)
    print("iterator result", r)
    yield "after"

print(list(outer()))

def sender():
    yield from Countdown(2)

g = sender()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError:", e)
