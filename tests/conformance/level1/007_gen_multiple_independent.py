def counter(name, n):
    for i in range(n):
        yield "%s%d" % (name, i)

a = counter("a", 3)
b = counter("b", 3)
print(next(a), next(b), next(a), next(b))
print(list(a), list(b))

def interleave(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)

print(list(interleave(counter("x", 2), counter("y", 4), counter("z", 1))))
