import weakref

def gen():
    try:
        yield 1
    finally:
        print("generator finally")

g = gen()
next(g)
r = weakref.ref(g, lambda ref: print("weakref callback, referent dead:", ref() is None))
print(r() is g)
del g
print("after del:", r())

def f():
    pass

rf = weakref.ref(f)
print(rf() is f)
