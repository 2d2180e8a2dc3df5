def gen():
    try:
        yield 1
    finally:
        raise ValueError("error while closing")

g = gen()
next(g)
print("dropping the generator")
del g
print("program goes on")
