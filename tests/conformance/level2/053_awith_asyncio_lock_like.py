import asyncio


class Gate:
    def __init__(self):
        self.holder = None
        self.log = []

    async def __aenter__(self):
        while self.holder is not None:
            await asyncio.sleep(0)
        self.holder = "busy"
        return self

    async def __aexit__(self, *exc):
        self.holder = None


gate = Gate()


async def worker(name, steps):
    async with gate:
        for i in range(steps):
            print(name, "holds the gate, step", i)
            await asyncio.sleep(0)


async def main():
    await asyncio.gather(worker("A", 2), worker("B", 2), worker("C", 1))


asyncio.run(main())
