def gen():
    yield 1
    raise StopIteration

def wrapper():
    try:
        yield from gen()
    except RuntimeError as e:
        print(e)
