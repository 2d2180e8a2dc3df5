import asyncio


async def resource(name):
    try:
        yield name
        yield name
    finally:
        print(name, "finally starts")
        await asyncio.sleep(0)
        print(name, "finally ends (this await needs the event loop)")


async def main():
    gen = resource("r1")
    async for x in gen:
        print("got", x)
        break
    print("dropping the generator")
    del gen
    print("the loop's finalizer hook scheduled aclose(); let it run")
    for _ in range(5):
        await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
