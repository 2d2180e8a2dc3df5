class Lock:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False

async def gen():
    for i in range(3):
        yield i
        await sleep(0)

async def main(lock):
    async with lock as l, Lock():
        pass
    result = [i async for i in gen() if i]
    total = {i: await sq(i) for i in range(3)}
    async for x in gen():
        if x:
            break
    else:
        print("done")
    try:
        await main(lock)
    except Exception:
        return None
    return result, total
