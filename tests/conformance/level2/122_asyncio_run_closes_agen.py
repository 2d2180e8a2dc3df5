import asyncio


async def ticker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("ticker finally (closed by the loop)")


gen = None


async def main():
    global gen
    gen = ticker()
    async for x in gen:
        print("tick", x)
        if x == 2:
            break
    print("main returns; the generator is still referenced and suspended")


asyncio.run(main())
print("after asyncio.run, frame:", gen.ag_frame)
