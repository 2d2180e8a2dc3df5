def sg1():
    yield 'Jack'
    yield 'Dan'
    yield 'Sam'
    yield "Teal'c"

print(list(sg1()))
for name in sg1():
    print(name)
g = sg1()
print(next(g), next(g))
print(list(g))
