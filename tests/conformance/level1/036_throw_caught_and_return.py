def gen():
    try:
        yield 1
    except ValueError:
        return "handled"

g = gen()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value:", e.value)

def gen2():
    try:
        yield 1
    except ValueError:
        pass

g2 = gen2()
next(g2)
try:
    g2.throw(ValueError)
except StopIteration as e:
    print("plain StopIteration", e.args)
