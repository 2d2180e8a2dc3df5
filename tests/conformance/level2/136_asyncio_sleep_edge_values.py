import asyncio

order = []


async def mark(name, delay):
    await asyncio.sleep(delay)
    order.append(name)


async def main():
    print(await asyncio.sleep(0), await asyncio.sleep(-1, result="negative is fine"))
    await asyncio.gather(mark("0.02", 0.02), mark("zero", 0), mark("negative", -5), mark("0.01", 0.01))
    print(order)


asyncio.run(main())
