def gen():
    it = iter([1])
    while True:
        try:
            v = next(it)
        except StopIteration:
            print("caught StopIteration inside, returning")
            return "clean"
        yield v

g = gen()
print(list(g))

def gen2():
    try:
        raise StopIteration("handled")
    except StopIteration as e:
        yield "handled: %s" % e

print(list(gen2()))
