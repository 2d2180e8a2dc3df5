def f(a, b, c):
    if a < b < c:
        return 1
    x = a == b != c
    return x
