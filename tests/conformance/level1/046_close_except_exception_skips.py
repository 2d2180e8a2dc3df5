def gen():
    try:
        yield 1
    except Exception:
        print("Exception does not catch GeneratorExit")
    except BaseException as e:
        print("BaseException does:", type(e).__name__)
        raise

print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
g = gen()
next(g)
g.close()
print("closed")
