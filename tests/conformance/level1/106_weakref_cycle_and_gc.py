import gc
import weakref

class Node:
    pass

a = Node()
b = Node()
a.other = b
b.other = a
ra = weakref.ref(a, lambda r: print("callback for a"))
rb = weakref.ref(b)
del a, b
print("still alive:", ra() is not None, rb() is not None)
gc.collect()
print("after collect:", ra(), rb())

try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
