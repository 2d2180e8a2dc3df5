lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

class O:
    pass

o = O()
o.x = 1
o.y = 2
del o.x
print(hasattr(o, "x"), o.y)
v = 5
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
