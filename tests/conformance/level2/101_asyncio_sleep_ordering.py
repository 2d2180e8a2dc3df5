import asyncio


async def sleeper(name, delay):
    print(name, "goes to sleep")
    await asyncio.sleep(delay)
    print(name, "wakes up")
    return name


async def main():
    results = await asyncio.gather(
        sleeper("slow", 0.09),
        sleeper("fast", 0.01),
        sleeper("medium", 0.05),
    )
    print("gather keeps argument order:", results)
    print("sleep result:", await asyncio.sleep(0.01, result="payload"))


asyncio.run(main())
