def f(seq):
    a = b = c = 0
    for i, (x, y) in enumerate(seq):
        a += x
        b += y
    first, *_ = seq
    obj = type("O", (), {})()
    obj.x = obj.y = 1
    seq[0] = seq[1] = None
    return a, b, c, first
