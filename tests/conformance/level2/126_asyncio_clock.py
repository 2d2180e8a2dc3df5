import asyncio
import time


async def main():
    t0 = time.monotonic()
    w0 = time.time()
    await asyncio.sleep(0.05)
    t1 = time.monotonic()
    w1 = time.time()
    elapsed = t1 - t0
    print("monotonic advanced by at least the delay:", elapsed >= 0.049)
    print("and not absurdly more:", elapsed < 5)
    print("time.time advanced too:", w1 - w0 > 0.04)
    print("monotonic never goes back:", time.monotonic() >= t1)


asyncio.run(main())
