import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name + " failed")
    return name


async def main():
    tasks = [asyncio.create_task(job("a", 0.01)),
             asyncio.create_task(job("b", 0.02, fail=True)),
             asyncio.create_task(job("c", 0.03))]
    done, pending = await asyncio.wait(tasks)
    print("done", len(done), "pending", len(pending), type(done).__name__)
    for t in tasks:
        print(t in done, repr(t.exception()))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    done, pending = await asyncio.wait(tasks, timeout=0.01)
    print("already finished tasks come back at once:", len(done), len(pending))


asyncio.run(main())
