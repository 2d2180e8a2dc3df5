import sys

def delegate():
    try:
        v = yield "ready"
        while True:
            v = yield v * 2
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("delegate done", sys.exc_info()[0])

def outer():
    r = yield from delegate()
    return r

g = outer()
print(next(g), g.send(3), g.throw(ValueError("x")))
g.close()
