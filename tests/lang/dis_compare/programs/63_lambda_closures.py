def make_adders(n):
    return [lambda x, i=i: x + i for i in range(n)]

def compose(f, g):
    return lambda *a, **k: f(g(*a, **k))

def counter():
    n = 0
    def step(k=1):
        nonlocal n
        n += k
        return n
    return step, lambda: n
