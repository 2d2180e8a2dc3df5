class Source:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i == 5:
            raise ValueError("source failed at 5")
        return self.i


async def consume():
    total = 0
    async for x in Source():
        total += x
        print("total", total)
    return total


async def bad_body():
    async for x in Source():
        if x == 2:
            raise KeyError(x)


for coro in (consume(), bad_body()):
    try:
        coro.send(None)
    except (ValueError, KeyError) as e:
        print("caught", repr(e))
