def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    done = True

g = gen(3)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()))
next(g)
loc = g.gi_frame.f_locals
print(loc["i"], loc["total"], "done" in loc)
