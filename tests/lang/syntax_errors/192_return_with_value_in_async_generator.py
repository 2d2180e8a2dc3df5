async def f():
    return [i async for i in y]
async def g():
    yield 1
    return 2
