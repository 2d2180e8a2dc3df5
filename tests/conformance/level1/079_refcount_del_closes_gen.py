def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name)

g = gen("g")
next(g)
print("before del")
del g
print("after del")

h = gen("h")
next(h)
print("before rebinding")
h = "something else"
print("after rebinding")
