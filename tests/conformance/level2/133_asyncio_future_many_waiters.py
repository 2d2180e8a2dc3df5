import asyncio


async def waiter(name, fut):
    print(name, "waiting")
    value = await fut
    print(name, "got", value)
    return name


async def main():
    fut = asyncio.Future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("setting the result")
    fut.set_result(99)
    print(await asyncio.gather(*tasks))


asyncio.run(main())
