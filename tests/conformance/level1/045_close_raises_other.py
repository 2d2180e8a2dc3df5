def gen():
    try:
        yield 1
    finally:
        raise ValueError("raised in finally")

g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", repr(e))
    print("context", repr(e.__context__))
print(g.gi_frame)
