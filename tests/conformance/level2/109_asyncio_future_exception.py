import asyncio


async def main():
    fut = asyncio.Future()
    fut.set_exception(ValueError("broken"))
    print(fut.done(), repr(fut.exception()))
    try:
        fut.result()
    except ValueError as e:
        print("result() raises", repr(e))
    try:
        await fut
    except ValueError as e:
        print("await raises", repr(e))
    fut2 = asyncio.Future()
    fut2.set_exception(KeyError)
    print("class is instantiated:", repr(fut2.exception()))
    fut3 = asyncio.Future()
    try:
        fut3.set_exception(StopIteration("no"))
    except TypeError as e:
        print("TypeError:", e)
    fut3.cancel()


asyncio.run(main())
