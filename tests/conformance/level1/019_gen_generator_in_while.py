def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
out = []
while len(out) < 15:
    out.append(next(g))
print(out)
print(next(g), next(g))
