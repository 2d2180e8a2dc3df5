import gc

def gen():
    me = yield "first"
    try:
        yield "second"
    finally:
        print("finally runs at gc.collect()")

g = gen()
next(g)
g.send(g)
del g
print("generator refers to itself through its local 'me'")
gc.collect()
print("collected")
