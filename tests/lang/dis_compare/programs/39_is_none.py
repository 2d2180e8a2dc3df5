def f(x, y):
    if x is None:
        return 1
    if y is not None:
        return 2
    if not x is y:
        return 3
    return x is None
