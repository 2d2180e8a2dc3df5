def source(label):
    print("creating iterable", label)
    return iter([1, 2, 3])

g = (x for x in source("A"))
print("genexpr created; first iterable already evaluated")
print(list(g))

try:
    bad = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)

def noisy(x):
    print("evaluating", x)
    return x * 10

lazy = (noisy(x) for x in range(3))
print("nothing evaluated yet")
print(next(lazy))
print(list(lazy))
