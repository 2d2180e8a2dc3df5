async def f(x):
    return (i async for i in x)
async def g(x, y):
    return (await a for a in x)
