import asyncio


async def work():
    return 1


async def nested():
    loop = asyncio.get_event_loop()
    c = work()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    c = work()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()


loop = asyncio.new_event_loop()
loop.run_until_complete(nested())
loop.close()
loop.close()
print("closing twice is fine")
c = work()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
