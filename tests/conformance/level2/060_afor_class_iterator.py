class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        print("__aiter__")
        return self

    async def __anext__(self):
        if self.i >= self.n:
            print("raising StopAsyncIteration")
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def main():
    seen = []
    async for x in Ticker(3):
        seen.append(x)
    return seen


print(run(main()))
