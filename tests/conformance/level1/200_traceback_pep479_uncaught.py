def gen():
    yield "only"
    raise StopIteration("leaked")

for item in gen():
    print(item)
