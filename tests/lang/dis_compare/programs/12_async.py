async def fetch(x):
    return x

async def main():
    a = await fetch(1)
    async with ctx() as c:
        print(c)
    async for item in aiter_():
        print(item)
    return a
