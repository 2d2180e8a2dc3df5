import asyncio


async def work(x):
    await asyncio.sleep(0.01)
    if x < 0:
        raise ValueError("negative")
    return x


def on_done(task):
    if task.exception() is not None:
        print("callback: failed with", repr(task.exception()))
    else:
        print("callback: result", task.result())


async def main():
    good = asyncio.create_task(work(5))
    bad = asyncio.create_task(work(-1))
    good.add_done_callback(on_done)
    bad.add_done_callback(on_done)
    await asyncio.wait([good, bad])
    print("wait returned")
    await asyncio.sleep(0)
    print("both callbacks ran before main resumed")


asyncio.run(main())
