import weakref

class Obj:
    def __init__(self, name):
        self.name = name

o = Obj("target")
r = weakref.ref(o)
print(r() is o, r().name)
print(type(r).__name__)
print(weakref.ref(o) is r)
del o
print(r())
print(r() is None)
