import asyncio


async def background(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run on the way out")
        raise
    finally:
        print(name, "finally")


async def main():
    asyncio.create_task(background("bg1"))
    asyncio.create_task(background("bg2"))
    await asyncio.sleep(0.01)
    print("main returns with two tasks still sleeping")
    return "main result"


print(asyncio.run(main()))
print("after asyncio.run")
