import asyncio


async def main(x):
    print("main running")
    await asyncio.sleep(0)
    return x * 2


print(asyncio.run(main(21)))


async def nothing():
    pass

print(asyncio.run(nothing()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
