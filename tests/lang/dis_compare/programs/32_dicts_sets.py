def f(a, b):
    d1 = {}
    d2 = {"a": 1, "b": 2}
    d3 = {a: b}
    d4 = {**d2, "c": 3}
    s1 = {a, b}
    s2 = {1, 2, 3}
    l1 = [a, b]
    l2 = [*l1, a]
    t = (a, b)
    t2 = (*l1,)
    return d1, d3, d4, s1, s2, l2, t, t2
