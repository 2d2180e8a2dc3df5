def gen():
    print("running")
    yield 1

g = gen()
print(list(g))
print(list(g))
for x in g:
    print("never", x)
print(sum(g), any(g), all(g))
print(g.gi_frame is None)
