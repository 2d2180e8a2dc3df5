def f(x):
    if x > 0:
        return 1
    elif:
        return 2
