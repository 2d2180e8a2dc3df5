import weakref

class Obj:
    def __del__(self):
        print("Obj.__del__")

def callback(ref):
    print("callback got a dead ref:", ref() is None, ref is r)

o = Obj()
r = weakref.ref(o, callback)
print("deleting")
del o
print("after delete")
