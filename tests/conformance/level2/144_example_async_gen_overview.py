# The overview's three kinds of coroutine-like objects, side by side, run on
# the event loop: a generator-based coroutine (types.coroutine), a native
# coroutine (async def) and an async generator (async def + yield).
import asyncio
import types


@types.coroutine
def old_style():
    yield from asyncio.sleep(0.01)
    return "old_style done"


async def native():
    await asyncio.sleep(0.01)
    return "native done"


async def async_gen():
    for i in range(4):
        await asyncio.sleep(0.01)
        yield i


async def main():
    print(await old_style())
    print(await native())
    async for i in async_gen():
        print("async_gen yielded", i)
    for obj in (old_style(), native(), async_gen()):
        print(type(obj).__name__)
        if hasattr(obj, "close"):
            obj.close()


asyncio.run(main())
