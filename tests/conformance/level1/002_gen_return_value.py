def gen():
    yield "a"
    return 42

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
    print("args:", e.args)
    print("repr:", repr(e))

def gen2():
    yield 1
    return (1, 2)

g = gen2()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)

def gen3():
    return
    yield

try:
    next(gen3())
except StopIteration as e:
    print("empty:", e.value, e.args)
