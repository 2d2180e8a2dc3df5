class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def gen():
    a = Noisy("a")
    b = Noisy("b")
    try:
        yield 1
    finally:
        print("finally")

g = gen()
next(g)
print("dropping generator")
g = None
print("done")
