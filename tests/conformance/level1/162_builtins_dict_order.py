d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(list(d))
d["zebra"] = 10
print(list(d.items()))
del d["apple"]
d["apple"] = 4
print(d)
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
print({1: "a", True: "b", 1.0: "c"})
print({k: None for k in "cab"})
e = {(1, 2): "tuple key", None: "none key", 3.5: "float key"}
print(e[(1, 2)], e[None], e[3.5])
