import weakref

class Obj:
    pass

def make_cb(label):
    def cb(ref):
        print("callback", label)
    return cb

o = Obj()
r1 = weakref.ref(o, make_cb("one"))
r2 = weakref.ref(o, make_cb("two"))
r3 = weakref.ref(o, make_cb("three"))
plain = weakref.ref(o)
print(plain is weakref.ref(o), r1 is r2)
del o
print("end")
