import asyncio

order = []


async def main():
    loop = asyncio.get_event_loop()
    fut = asyncio.Future()
    loop.call_soon(order.append, "soon-1")
    loop.call_later(0.06, order.append, "later-0.06")
    loop.call_later(0.02, order.append, "later-0.02")
    loop.call_soon(order.append, "soon-2")
    loop.call_later(0.1, fut.set_result, "done")
    print(await fut)
    print(order)
    print("same loop:", asyncio.get_event_loop() is loop)


asyncio.run(main())
