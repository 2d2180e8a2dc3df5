import asyncio


def report(tag):
    def cb(fut):
        if fut.cancelled():
            print(tag, "saw a cancelled future")
        else:
            print(tag, "saw result", fut.result())
    return cb


async def main():
    fut = asyncio.Future()
    fut.add_done_callback(report("first"))
    fut.add_done_callback(report("second"))
    fut.set_result(10)
    print("set_result returned; callbacks are scheduled, not yet run")
    await asyncio.sleep(0)
    print("after one loop iteration")
    fut.add_done_callback(report("late"))
    print("late callback on a done future is also scheduled")
    await asyncio.sleep(0)
    other = asyncio.Future()
    other.add_done_callback(report("other"))
    other.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
