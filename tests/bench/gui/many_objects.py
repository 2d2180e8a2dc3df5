# GUI frame-time benchmark: about 2,000 live objects held for most of a ~1M-instruction
# run. 250 suspended generators (each with its frame embedded), 250 nodes in linked
# cycles, their attribute dicts and boxed ints, then a long hot loop that keeps all of
# them alive while the step count grows.
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


def counter(start):
    n = start
    while True:
        got = yield n
        if got is not None:
            n = got
        n += 1


gens = []
for i in range(250):
    g = counter(i * 1000)
    next(g)
    gens.append(g)

nodes = []
for i in range(250):
    nodes.append(Node(i * 7919))
for i in range(250):
    nodes[i].next = nodes[(i + 1) % 250]

boxes = [[i, i + 1] for i in range(850)]

total = 0
for round in range(140):
    for g in gens:
        total += next(g)
print(total)
