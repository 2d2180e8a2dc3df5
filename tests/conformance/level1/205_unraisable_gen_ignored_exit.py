def gen():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit, yielding again")
        yield 2

def use():
    g = gen()
    next(g)
    print("leaving use()")

use()
print("after use()")
