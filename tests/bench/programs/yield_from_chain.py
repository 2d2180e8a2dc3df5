# `yield from` chains: every value crosses a 20-deep delegation chain.
def leaf(n):
    for i in range(n):
        yield i
    return n

def chain(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from chain(depth - 1, n)
    return r + 1

total = 0
for _ in range(20):
    for v in chain(20, 2000):
        total += v
print(total)
