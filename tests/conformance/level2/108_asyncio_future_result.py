import asyncio


async def main():
    loop = asyncio.get_event_loop()
    fut = asyncio.Future()
    print(fut, fut.done(), fut.cancelled())
    loop.call_soon(fut.set_result, "hello")
    print("awaiting the future")
    value = await fut
    print("got", value)
    print(fut, fut.done(), fut.result(), fut.exception())
    print("await again:", await fut)


asyncio.run(main())
