import asyncio


async def ok(x):
    await asyncio.sleep(0.01)
    return x


async def fail(msg):
    await asyncio.sleep(0.005)
    raise ValueError(msg)


async def main():
    results = await asyncio.gather(ok(1), fail("bad"), ok(3), return_exceptions=True)
    print(results)
    for r in results:
        print(type(r).__name__, r)
    print(await asyncio.gather())


asyncio.run(main())
