def f(x):
    a = -1
    b = 2 ** 8
    c = (1, 2, (3, 4))
    d = x in (1, 2)
    e = x in [1, 2]
    g = x not in {1, 2}
    h = "ab" * 3
    i = 1 + 2 * 3
    j = not x
    return a, b, c, d, e, g, h, i, j
