import weakref

class Resource:
    pass

def cleanup(name):
    print("cleanup", name)

a = Resource()
fa = weakref.finalize(a, cleanup, "a")
obj, func, args, kwargs = fa.detach()
print(obj is a, func is cleanup, args, kwargs)
print(fa.alive)
del a
print("a deleted, detached finalizer did not run")

b = Resource()
fb = weakref.finalize(b, cleanup, "b at exit")
c = Resource()
fc = weakref.finalize(c, cleanup, "c never at exit")
fc.atexit = False
d = Resource()
fd = weakref.finalize(d, cleanup, "d at exit")
print("end of program")
