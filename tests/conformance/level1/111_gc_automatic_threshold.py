import gc

finalized = []

class Node:
    def __init__(self, i):
        self.i = i
        self.me = self

    def __del__(self):
        finalized.append(self.i)

gc.collect()
print(gc.isenabled(), gc.get_threshold())
for i in range(3000):
    Node(i)
print("automatic collection happened:", len(finalized) > 0)
print("but not for everything yet:", len(finalized) < 3000)
gc.collect()
print("all finalized after explicit collect:", sorted(finalized) == list(range(3000)))

finalized.clear()
gc.disable()
for i in range(3000):
    Node(i)
print("with gc disabled nothing is collected:", finalized == [])
gc.collect()
print("explicit collect still works:", len(finalized))
