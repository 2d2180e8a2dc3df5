class Value:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        print("  __await__ of", self.v)
        return self._gen()

    def _gen(self):
        if False:
            yield
        return self.v


class Twice:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        a = yield ("request", self.v)
        b = yield ("request", self.v + 1)
        return a, b


async def main():
    print("value:", await Value(7))
    print("twice:", await Twice(1))


c = main()
print(c.send(None))
print(c.send("A"))
try:
    c.send("B")
except StopIteration:
    print("finished")
