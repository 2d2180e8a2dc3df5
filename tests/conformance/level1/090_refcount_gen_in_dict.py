def gen(name):
    try:
        yield name
    finally:
        print("closed", name)

d = {}
for name in ["x", "y", "z"]:
    d[name] = gen(name)
    next(d[name])
print("delete key y")
del d["y"]
print("overwrite x")
d["x"] = None
print("delete dict")
del d
print("end")
