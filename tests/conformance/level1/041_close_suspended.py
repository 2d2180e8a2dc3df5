def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit as e:
        print("GeneratorExit:", repr(e), e.args)
        raise
    finally:
        print("finally")

g = gen()
print(next(g))
print("close ->", g.close())
print(g.gi_frame)
print(next(g, "exhausted"))
print("close again ->", g.close())
