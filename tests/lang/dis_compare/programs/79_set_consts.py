def f(x):
    s = {1, 1.0, True}
    t = x in {2, 2.0, 3}
    u = "\uffff\U00101234"
    return s, t, u, {0, False, 0.0, 1}
