class O:
    pass

def f(d, o, k):
    x = 1
    x += 2
    x *= 3
    d[k] += 1
    o.attr -= 1
    x //= 2
    x **= 2
    x |= 1
    return x
