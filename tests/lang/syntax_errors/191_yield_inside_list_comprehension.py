def f():
    return [(yield) for i in y]
