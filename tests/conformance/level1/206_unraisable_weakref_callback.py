import weakref

class Obj:
    pass

def bad_callback(ref):
    print("callback running")
    raise RuntimeError("callback failed")

o = Obj()
r = weakref.ref(o, bad_callback)
del o
print("still running after the callback error")
