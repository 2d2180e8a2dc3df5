def f(x):
    while x
        x -= 1
