def f(x, y):
    a = -x
    b = +x
    c = ~x
    d = not x
    e = -(x + y)
    g = x @ y if x else x ** -y
    return a, b, c, d, e, g, x >> 2, x << 1, x & y, x | y, x ^ y, x // y, x % y
