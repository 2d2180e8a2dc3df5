def inner(n):
    for i in range(n):
        yield i
    return n * 100

def outer():
    a = yield from inner(2)
    print("inner returned", a)
    b = yield from inner(0)
    print("empty inner returned", b)
    c = yield from [7]
    print("list gives", c)
    return a + b

g = outer()
for x in g:
    print("yielded", x)
g2 = outer()
try:
    while True:
        next(g2)
except StopIteration as e:
    print("outer returned", e.value)
