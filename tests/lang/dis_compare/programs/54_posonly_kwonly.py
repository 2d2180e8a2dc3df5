def f(a, b, /, c, *, d=1, e):
    return a + b + c + d + e

def g(*, key=None, reverse=False):
    return key, reverse

h = lambda a, /, b=2, *c, d, **e: (a, b, c, d, e)
print(f(1, 2, 3, e=4), g(), h(1, d=2))
