import asyncio


class Channel:
    def __init__(self):
        self.items = []
        self.waiter = None

    def put(self, item):
        self.items.append(item)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    async def get(self):
        while not self.items:
            self.waiter = asyncio.Future()
            await self.waiter
        return self.items.pop(0)


async def producer(ch):
    for i in range(4):
        await asyncio.sleep(0.01)
        print("produce", i)
        ch.put(i)
    ch.put(None)


async def consumer(ch):
    total = 0
    while True:
        item = await ch.get()
        if item is None:
            return total
        print("consume", item)
        total += item


async def main():
    ch = Channel()
    p = asyncio.create_task(producer(ch))
    total = await consumer(ch)
    await p
    print("total", total)


asyncio.run(main())
