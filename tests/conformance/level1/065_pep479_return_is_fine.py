def gen():
    yield 1
    return "normal return"

def gen_stop_subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop("sub")

for f in (gen, gen_stop_subclass):
    g = f()
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print(f.__name__, "StopIteration", e.value)
    except RuntimeError as e:
        print(f.__name__, "RuntimeError", e, repr(e.__cause__))
