class Pause:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        await Pause("acquiring " + self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        await Pause("releasing " + self.name)
        return False


async def main():
    async with Resource("db") as handle:
        print("using", handle)
    async with Resource("a") as x, Resource("b") as y:
        print("using", x, y)
    return "ok"


c = main()
out = c.send(None)
while True:
    print("driver:", out)
    try:
        out = c.send(None)
    except StopIteration as e:
        print("result:", e.value)
        break
