import inspect

def inner():
    yield "i1"
    yield "i2"

def outer():
    yield from sub

sub = inner()
o = outer()
states = lambda: (inspect.getgeneratorstate(o), inspect.getgeneratorstate(sub))
print(states())
next(o)
print(states())
next(o)
next(o, None)
print(states())
