def gen():
    try:
        print("try")
        yield 1
        yield 2
    finally:
        print("finally")
    yield 3

print(list(gen()))
g = gen()
print(next(g))
print(next(g))
print(next(g))
print(next(g, "done"))
