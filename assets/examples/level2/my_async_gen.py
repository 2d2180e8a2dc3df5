# An async generator consumed with `async for` on the event loop. It sleeps
# between values (virtual time in yieldscope), cleans up in `finally`, and a
# consumer that stops early leaves it to asyncio.run to close it on the way out.
import asyncio


async def async_gen(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print("async_gen(%d) cleaned up" % n)


keep = []


async def main():
    total = 0
    async for i in async_gen(4):
        total += i
    print("total", total)

    early = async_gen(10)
    keep.append(early)
    async for i in early:
        print("early consumer got", i)
        if i == 1:
            break
    print("main returns with one generator still open")


asyncio.run(main())
print("after asyncio.run")
