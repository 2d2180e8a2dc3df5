def f(seq):
    a, b = seq[0], seq[1]
    c, *rest = seq
    *init, last = seq
    (x, y), z = (1, 2), 3
    a, b = b, a
    a, b, c = c, b, a
    return a, b, c, rest, init, last, x, y, z
