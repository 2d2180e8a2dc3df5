def gen():
    yield 1

async def agen():
    yield 1
    return 5
