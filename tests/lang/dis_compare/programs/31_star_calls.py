def f(*args, **kwargs):
    return args, kwargs

def g(xs, kw):
    f(*xs)
    f(1, *xs)
    f(**kw)
    f(1, a=2, **kw)
    f(*xs, **kw)
    print(*xs, sep="-")
