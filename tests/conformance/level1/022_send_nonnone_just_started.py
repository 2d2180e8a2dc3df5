def gen():
    x = yield 1
    print("x", x)

g = gen()
try:
    g.send("too early")
except TypeError as e:
    print("TypeError:", e)
print(g.gi_frame is not None, g.gi_suspended)
print(g.send(None))
try:
    g.send("now fine")
except StopIteration:
    print("finished")
try:
    g.send("after end")
except StopIteration as e:
    print("StopIteration again", e.args)
