def f(a, b, c):
    x = a and b
    y = a or b or c
    z = (a and b) or c
    if a and not b:
        print(1)
    if a or (b and c):
        print(2)
    return x, y, z
