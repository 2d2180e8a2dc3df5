async def agen(n):
    for i in range(n):
        yield i

async def consume():
    return [x async for x in agen(3)]
