def inner(name):
    try:
        yield name
    finally:
        print("inner finally", name)

def outer():
    try:
        yield from inner("delegated")
    finally:
        print("outer finally")

g = outer()
next(g)
print("drop outer")
del g
print("---")

def holder(it):
    kept = it
    yield "holding"
    yield next(kept)

i = inner("held")
next(i)
h = holder(i)
next(h)
del i
print("inner still alive: holder's frame keeps it")
del h
print("end")
