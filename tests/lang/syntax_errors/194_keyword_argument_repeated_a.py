def f(a, b):
    pass
f(a=1, a=2)
