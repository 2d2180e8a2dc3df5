import asyncio


async def helper():
    print("helper never runs")


async def main():
    helper()
    print("main forgot to await helper()")
    await asyncio.sleep(0)
    return "main done"


print(asyncio.run(main()))
