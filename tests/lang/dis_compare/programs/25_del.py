x = 1
del x

def f(a, d):
    b = a
    del b
    del d["k"], a
    return d

class C:
    y = 2
    del y
