class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def gen():
    yield Tracked("temp1")
    x = Tracked("kept")
    yield x
    yield Tracked("temp2")
    print("x still alive:", x.name)

g = gen()
next(g)
print("after first next")
next(g)
print("after second next")
next(g)
print("after third next")
next(g, None)
print("after exhaustion")
