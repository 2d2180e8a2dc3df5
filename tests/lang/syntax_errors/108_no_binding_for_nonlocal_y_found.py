def f():
    global x
    x = 1
    nonlocal y
