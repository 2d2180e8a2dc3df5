def gen():
    try:
        print("body")
        yield 1
    finally:
        print("finally (never printed)")

g = gen()
print(g.gi_frame is not None)
g.close()
print(g.gi_frame)
print(list(g))
