import asyncio


async def work(x):
    await asyncio.sleep(0.01)
    return x + 1


loop = asyncio.new_event_loop()
print(loop.run_until_complete(work(1)))
print(loop.run_until_complete(work(10)))


async def wait_for_callback():
    fut = asyncio.Future()
    asyncio.get_event_loop().call_later(0.01, fut.set_result, "from a callback")
    return await fut

print(loop.run_until_complete(wait_for_callback()))
loop.close()
