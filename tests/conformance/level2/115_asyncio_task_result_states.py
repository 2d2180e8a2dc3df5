import asyncio


async def fails():
    await asyncio.sleep(0)
    raise ValueError("task failed")


async def main():
    t = asyncio.create_task(asyncio.sleep(0.01, result="ok"))
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("pending result():", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("pending exception():", e)
    await t
    print("result:", t.result())
    f = asyncio.create_task(fails())
    await asyncio.wait([f])
    print("done:", f.done(), "exception:", repr(f.exception()))
    try:
        f.result()
    except ValueError as e:
        print("result() re-raises", repr(e))


asyncio.run(main())
