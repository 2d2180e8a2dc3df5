class A:
    x = 1

    def __init__(self):
        self.y = 2

a = A()
for name in ["x", "y", "z"]:
    try:
        print(name, getattr(a, name))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    A.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.z
except AttributeError as e:
    print("AttributeError:", e)
del a.y
print(hasattr(a, "y"))
try:
    "text".nope
except AttributeError as e:
    print("AttributeError:", e)
