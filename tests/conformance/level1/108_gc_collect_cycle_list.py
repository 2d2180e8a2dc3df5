import gc
import weakref

class Box:
    pass

box = Box()
box.items = [box]
r = weakref.ref(box)
del box
print("alive before collect:", r() is not None)
n = gc.collect()
print("alive after collect:", r() is not None)
print("collect returned an int:", type(n).__name__, n >= 2)
print("nothing left:", gc.collect())
