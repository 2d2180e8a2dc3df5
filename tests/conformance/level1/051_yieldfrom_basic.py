def inner():
    yield 1
    yield 2

def outer():
    yield "start"
    yield from inner()
    yield from [10, 20]
    yield from range(3)
    yield from "ab"
    yield "end"

print(list(outer()))
