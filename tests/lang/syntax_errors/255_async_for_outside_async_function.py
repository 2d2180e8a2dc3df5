async def f():
    return [x async for x in y]
def g():
    async for x in y:
        pass
