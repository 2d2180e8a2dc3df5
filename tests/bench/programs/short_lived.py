# Many short-lived generators and generator expressions, created and dropped.
def pair(a, b):
    yield a
    yield b

def run(n):
    total = 0
    for i in range(n):
        total += sum(pair(i, 1))
        total += max(x for x in (i, 2, 3))
        g = pair(i, i)
        total += next(g)
    return total

print(run(100000))
