import gc

class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def gen():
    m = Marker("in generator")
    yield m
    print("never")

g = gen()
m = next(g)
m.owner = g
del g
print("gen -> local m -> Marker -> gen: a cycle")
del m
print("nothing freed yet")
gc.collect()
print("collected")
