def gen():
    try:
        yield 1
    except GeneratorExit:
        print("cleaning up")
        return "ignored by close in 3.11"

g = gen()
next(g)
print(repr(g.close()))
print(g.gi_frame)
