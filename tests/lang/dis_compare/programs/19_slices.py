def f(s):
    a = s[1:2]
    b = s[::2]
    c = s[:-1]
    d = s[1:]
    s[0:1] = [9]
    del s[0]
    return a, b, c, d
