def gen(i):
    try:
        yield i
    finally:
        print("closing", i)

gens = [gen(i) for i in range(4)]
for g in gens:
    next(g)
del g
print("popping one")
gens.pop(1)
print("clearing the list")
gens.clear()
print("list empty")
