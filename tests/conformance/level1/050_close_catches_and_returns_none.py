log = []

def gen():
    try:
        yield 1
    except GeneratorExit:
        log.append("caught GeneratorExit")
    log.append("after except")

g = gen()
next(g)
print(g.close())
print(log)

def gen2():
    yield 1
    yield 2

g2 = gen2()
next(g2)
g2.close()
print(g2.gi_frame, list(g2))
