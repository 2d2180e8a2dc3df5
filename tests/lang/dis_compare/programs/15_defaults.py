def f(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs

print(f(1, c=3))
g = lambda x, y=1: x + y
print(g(2))
