import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    g = asyncio.gather(child("x"), child("y"))
    await asyncio.sleep(0.01)
    print("cancel gather ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; cancelled:", g.cancelled())


asyncio.run(main())
