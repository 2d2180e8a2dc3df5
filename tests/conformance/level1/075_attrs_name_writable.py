def gen():
    yield

g = gen()
print(g.__name__, g.__qualname__)
g.__name__ = "renamed"
g.__qualname__ = "Some.renamed"
print(g.__name__, g.__qualname__)
print(repr(g).split(" at ")[0])
print(g.gi_code.co_name)
try:
    g.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
