import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    fast = asyncio.create_task(job("fast", 0.01))
    slow = asyncio.create_task(job("slow", 0.2))
    done, pending = await asyncio.wait([fast, slow], timeout=0.05)
    print("done:", sorted(t.result() for t in done))
    print("pending is slow:", pending == {slow})
    print("slow done?", slow.done())
    slow.cancel()
    done, pending = await asyncio.wait([slow])
    print("after cancel:", slow.cancelled(), len(done), len(pending))


asyncio.run(main())
