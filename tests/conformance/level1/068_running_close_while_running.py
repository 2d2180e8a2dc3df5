def gen():
    try:
        g.close()
    except ValueError as e:
        print("close:", e)
    yield "survived"

g = gen()
print(next(g))

def selfref():
    yield from me

me = selfref()
try:
    next(me)
except ValueError as e:
    print("yield from self:", e)
