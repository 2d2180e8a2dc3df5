def inner():
    yield 1
    raise ValueError("inner failed")

def outer():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"

print(list(outer()))
