import asyncio


async def slow_ok(release):
    await release
    print("slow_ok released")
    return "ok"


async def quick_fail():
    await asyncio.sleep(0.01)
    raise KeyError("quick")


async def main():
    release = asyncio.Future()
    t = asyncio.create_task(slow_ok(release))
    try:
        await asyncio.gather(t, quick_fail())
    except KeyError as e:
        print("gather raised", repr(e))
    print("the other task is not cancelled:", t.cancelled(), t.done())
    release.set_result(None)
    print("its result later:", await t)


asyncio.run(main())
