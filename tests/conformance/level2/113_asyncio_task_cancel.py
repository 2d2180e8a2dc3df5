import asyncio


async def sleeper():
    print("sleeper starts")
    await asyncio.sleep(10)
    print("never")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel() ->", t.cancel())
    print("done right after cancel():", t.done(), "cancelled:", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError")
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("cancel() again ->", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")

    t2 = asyncio.create_task(sleeper())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled before it ever ran")


asyncio.run(main())
