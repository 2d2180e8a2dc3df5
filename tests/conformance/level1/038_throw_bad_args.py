def gen():
    yield

g = gen()
next(g)
for args in [(42,), ("str",), (ValueError("x"), "extra")]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    g.throw()
except TypeError as e:
    print("TypeError:", e)
print(g.gi_suspended)
