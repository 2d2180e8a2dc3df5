import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("del", self.name, "peer is", self.peer.name)

gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("after del: nothing yet")
gc.collect()
print("after collect")
gc.collect()
print("second collect finds nothing to finalize")
