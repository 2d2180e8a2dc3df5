def inner():
    try:
        yield 1
    finally:
        print("inner finally")

def middle():
    try:
        yield from inner()
    finally:
        print("middle finally")

def outer():
    try:
        yield from middle()
    finally:
        print("outer finally")

g = outer()
print(next(g))
g.close()
print("closed", g.gi_frame)
