def inner():
    x = yield 1
    return x * 2

def outer():
    result = yield from inner()
    yield result

for v in outer():
    print(v)
