import asyncio

depth_log = []


async def level(n):
    depth_log.append(n)
    if n == 0:
        await asyncio.sleep(0.01)
        return 1
    sub = await level(n - 1)
    return sub * 2


async def main():
    results = await asyncio.gather(level(3), level(1), level(0))
    print(results)
    print(depth_log)


asyncio.run(main())
