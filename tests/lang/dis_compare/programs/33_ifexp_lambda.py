def f(x):
    y = 1 if x else 2
    key = lambda item: item[1]
    return sorted([(1, 2)], key=key), y
