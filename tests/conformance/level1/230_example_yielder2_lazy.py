def yielder2():
    print("I'm a generator!")
    yield

y = yielder2()
print("created, nothing printed yet")
next(y)
print("first next done")
y = yielder2()
print(next(y, "default"), next(y, "default"))
