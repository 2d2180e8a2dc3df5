def gen():
    print("never printed")
    try:
        yield 1
    except ValueError:
        print("never caught here")

g = gen()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("raised straight out:", e)
print(g.gi_frame)
print(next(g, "exhausted"))
