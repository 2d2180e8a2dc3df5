import asyncio


async def boom(n):
    await asyncio.sleep(0.01 * n)
    raise ZeroDivisionError("task %d" % n)


async def main():
    tasks = [asyncio.create_task(boom(n)) for n in (1, 2)]
    for t in tasks:
        try:
            await t
        except ZeroDivisionError as e:
            print("caught from task:", e)
    print([repr(t.exception()) for t in tasks])


asyncio.run(main())
try:
    asyncio.run(boom(0))
except ZeroDivisionError as e:
    print("asyncio.run re-raises:", repr(e))
