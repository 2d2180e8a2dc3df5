x = 1
y = 2

def f():
    global x, y
    del x
    y = 3

def g():
    def inner():
        global z
        z = 1
    inner()
    return z
