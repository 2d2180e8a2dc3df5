def f(a, b=1, *, c, d=2, **kw, e):
    pass
