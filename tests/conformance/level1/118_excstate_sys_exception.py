import sys

def gen():
    try:
        raise TypeError("t")
    except TypeError:
        yield sys.exception()
    yield sys.exception()

print(sys.exception())
g = gen()
print(repr(next(g)))
print(sys.exception())
try:
    raise IndexError("outer")
except IndexError:
    print(repr(next(g)))
    print(repr(sys.exception()))
print(sys.exception())
