import asyncio


async def careful():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("careful: cleaning up")
        await asyncio.sleep(0.01)
        print("careful: cleanup done, re-raising")
        raise
    finally:
        print("careful: finally")


async def defiant():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("defiant: swallowing the cancellation")
    return "defiant survived"


async def main():
    a = asyncio.create_task(careful())
    b = asyncio.create_task(defiant())
    await asyncio.sleep(0.01)
    a.cancel()
    b.cancel()
    results = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(results[1])
    print("a cancelled:", a.cancelled(), "b cancelled:", b.cancelled())


asyncio.run(main())
