import sys

class C:
    pass

def f():
    x = C()
    print(sys.getrefcount(x))
    y = x
    print(sys.getrefcount(x))
    lst = [x, x, x]
    print(sys.getrefcount(x))
    del lst
    print(sys.getrefcount(x))
    d = {"k": x}
    print(sys.getrefcount(x))
    d.clear()
    del y
    print(sys.getrefcount(x))

f()
obj = C()
before = sys.getrefcount(obj)
t = (obj,)
print(sys.getrefcount(obj) - before)
