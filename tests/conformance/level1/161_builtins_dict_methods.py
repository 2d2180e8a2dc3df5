d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
d["c"] = 3
print(d.pop("a"), d.pop("missing", "dflt"), d)
print(d.setdefault("b", 99), d.setdefault("n", []), d)
d.update({"b": 20, "e": 5})
d.update(f=6)
print(d)
c = d.copy()
c["b"] = "changed"
print(d["b"], c["b"])
d.clear()
print(d, len(c))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))
print("b" in c, "zz" in c, len(c))
for k, v in {"one": 1, "two": 2}.items():
    print(k, v)
try:
    {}.pop("nope")
except KeyError as e:
    print("KeyError:", e)
