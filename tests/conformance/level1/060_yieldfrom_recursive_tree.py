def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

data = [1, [2, [3, [4, [5]]]], [], [[6], 7]]
print(list(flatten(data)))

def depth_first(n):
    if n == 0:
        return 0
    yield n
    got = yield from depth_first(n - 1)
    return got + n

g = depth_first(4)
try:
    while True:
        print(next(g))
except StopIteration as e:
    print("sum", e.value)
