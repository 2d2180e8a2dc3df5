import gc
import weakref

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

a = Node("a")
b = Node("b")
a.other, b.other = b, a
r = weakref.ref(a)
del a, b
print(gc.collect() > 0, r() is None)
