import asyncio

loop = asyncio.new_event_loop()


def step(n):
    print("callback", n)
    if n < 3:
        loop.call_soon(step, n + 1)
    else:
        print("stopping")
        loop.stop()


loop.call_soon(step, 1)
loop.call_soon(print, "second callback scheduled first runs before step 2")
print("before run_forever")
loop.run_forever()
print("after run_forever")
loop.call_soon(print, "queued after stop, runs in the next run")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
print("closed")
