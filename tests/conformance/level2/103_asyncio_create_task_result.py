import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    return x * x


async def main():
    task = asyncio.create_task(compute(7))
    print(type(task).__name__, isinstance(task, asyncio.Future))
    print("done right after create:", task.done())
    value = await task
    print("awaited:", value)
    print("done:", task.done(), "result:", task.result(), "cancelled:", task.cancelled())
    print("await again:", await task)
    print("exception():", task.exception())


asyncio.run(main())
