def classify(n, xs):
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    elif 0 < n < 10 and n % 2:
        kind = "small odd"
    else:
        kind = "other"
    while n > 0 and xs:
        n -= 1
    if not xs or n is not None and n in xs:
        return None
    return kind if kind else None
