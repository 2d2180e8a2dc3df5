def gen():
    yield "a"
    x = 1
    yield "b"
    for i in range(2):
        yield i
    return x

g = gen()
print("created:", g.gi_frame.f_lineno)
for v in g:
    print(repr(v), "at line", g.gi_frame.f_lineno)
print(g.gi_frame)
