import sys

def show(label):
    print(label, repr(sys.exc_info()[1]))

try:
    raise ValueError("one")
except ValueError:
    show("in first handler:")
    try:
        raise TypeError("two")
    except TypeError:
        show("in nested handler:")
    show("back in first:")
show("outside:")

def f():
    try:
        raise KeyError("in f")
    except KeyError:
        return sys.exc_info()[0].__name__

print(f())
show("after f:")
