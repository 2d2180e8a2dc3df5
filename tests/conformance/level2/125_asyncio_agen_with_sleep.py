import asyncio


async def countdown(name, delays):
    n = len(delays)
    for d in delays:
        await asyncio.sleep(d)
        yield name, n
        n -= 1


async def consume(name, delays):
    async for who, value in countdown(name, delays):
        print(who, value)
    return name + " done"


async def main():
    results = await asyncio.gather(consume("A", [0.01, 0.01, 0.01]),
                                   consume("B", [0.08, 0.01]))
    print(results)


asyncio.run(main())
