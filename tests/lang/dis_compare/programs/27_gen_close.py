def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("finally")

g = gen()
next(g)
g.close()
