def gen():
    yield 1
    print("inside, gi_running =", g.gi_running)
    try:
        next(g)
    except ValueError as e:
        print("ValueError:", e)
    try:
        g.send(None)
    except ValueError as e:
        print("send:", e)
    try:
        g.throw(KeyError)
    except ValueError as e:
        print("throw:", e)
    yield 2

g = gen()
print(g.gi_running)
print(next(g))
print(next(g))
print(g.gi_running)
