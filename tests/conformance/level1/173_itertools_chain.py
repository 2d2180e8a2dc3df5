from itertools import chain

def g(tag, n):
    for i in range(n):
        yield tag + str(i)

print(list(chain([1, 2], (3,), "ab", g("g", 2))))
print(list(chain()))
print(list(chain.from_iterable([[1], [2, 3], []])))
it = chain(g("x", 2), g("y", 1))
print(next(it), list(it))
total = 0
for v in chain(range(3), range(10, 12)):
    total += v
print(total)
