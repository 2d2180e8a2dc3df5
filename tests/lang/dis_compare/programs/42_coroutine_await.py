import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    results = await asyncio.gather(worker("a", 1), worker("b", 2))
    print(results)

asyncio.run(main())
