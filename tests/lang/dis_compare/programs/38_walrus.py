def f(xs):
    if (n := len(xs)) > 2:
        return n
    return [y for x in xs if (y := x * 2)]
