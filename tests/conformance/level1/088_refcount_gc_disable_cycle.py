import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)

gc.disable()
print(gc.isenabled())
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
junk = [[i] for i in range(5000)]
del junk
print("no collection while disabled")
gc.enable()
print(gc.isenabled())
found = gc.collect()
print("collected something:", found > 0)
