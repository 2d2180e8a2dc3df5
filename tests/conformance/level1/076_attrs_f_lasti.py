def gen():
    yield 1
    yield 2

g = gen()
print("created:", g.gi_frame.f_lasti)
next(g)
first = g.gi_frame.f_lasti
next(g)
second = g.gi_frame.f_lasti
print("first yield:", first, "second yield:", second)
print(second > first > 0)
