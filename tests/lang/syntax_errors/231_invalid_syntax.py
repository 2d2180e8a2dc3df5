def f():
    lambda: (yield)
    return x
async def g():
    await = 3
