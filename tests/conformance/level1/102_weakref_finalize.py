import weakref

class Resource:
    def __init__(self, name):
        self.name = name

def cleanup(name, extra=None):
    print("cleanup", name, extra)
    return "cleanup result"

r = Resource("r1")
f = weakref.finalize(r, cleanup, "r1", extra="kw")
print(f.alive)
del r
print(f.alive)
print(f())

r2 = Resource("r2")
f2 = weakref.finalize(r2, cleanup, "r2")
print("explicit call:", f2())
print(f2.alive, f2())
del r2
print("r2 gone, no second cleanup")
