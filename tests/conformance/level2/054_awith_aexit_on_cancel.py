import asyncio


class Tracked:
    async def __aenter__(self):
        print("acquired")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("released, exc_type =", exc_type.__name__ if exc_type else None)
        return False


async def holder():
    async with Tracked():
        await asyncio.sleep(1)
        print("never reached")


async def main():
    t = asyncio.create_task(holder())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())


asyncio.run(main())
