import asyncio


async def innermost():
    try:
        await asyncio.sleep(10)
    finally:
        print("innermost finally")


async def middle():
    try:
        await innermost()
    finally:
        print("middle finally")


async def outer():
    try:
        await middle()
    except asyncio.CancelledError:
        print("outer sees CancelledError")
        raise


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    done, pending = await asyncio.wait([t])
    print("cancelled:", t.cancelled(), "pending:", len(pending))


asyncio.run(main())
