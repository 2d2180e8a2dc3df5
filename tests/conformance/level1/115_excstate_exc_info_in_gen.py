import sys

def gen():
    print("start:", sys.exc_info())
    try:
        raise ValueError("inside gen")
    except ValueError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])

g = gen()
print(next(g))
print("caller:", sys.exc_info())
try:
    raise KeyError("caller")
except KeyError:
    print(next(g))
    print("caller again:", repr(sys.exc_info()[1]))
    print(next(g))
