import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(name, i)
        await asyncio.sleep(0)
    return name


async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    print("tasks created; they start at the next await")
    await asyncio.sleep(0)
    print("main got control back")
    print(await a, await b)


asyncio.run(main())
