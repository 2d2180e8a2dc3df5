def leaf():
    yield 1
    raise KeyError("leaf failed")

def branch():
    yield from leaf()

def root():
    result = yield from branch()
    return result

g = root()
print(next(g))
next(g)
