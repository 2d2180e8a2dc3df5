def gen():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("gen caught", repr(e))

g = gen()
print(next(g))
print(g.throw(ValueError))
print(g.throw(ValueError("with message")))
try:
    g.throw(KeyError)
except KeyError as e:
    print("propagated", repr(e))
print(g.gi_frame)
