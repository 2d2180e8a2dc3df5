def gen():
    yield 1,
    yield *a, b
    yield *a
