class Bag:
    shared = []

    def __init__(self):
        self.own = []

    def add(self, x):
        self.shared.append(x)
        self.own.append(x)

a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.own, b.own, Bag.shared)
print(a.shared is b.shared)
a.shared = ["rebound"]
print(a.shared, b.shared)
del a.shared
print(a.shared)
print(hasattr(a, "own"), hasattr(Bag, "own"), type(a).__name__)
