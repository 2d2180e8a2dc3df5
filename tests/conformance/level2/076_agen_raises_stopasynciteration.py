async def bad():
    yield 1
    raise StopAsyncIteration("explicit")


async def bad_sync_stop():
    yield 1
    raise StopIteration("sync stop")


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "yield " + repr(e.value)


for f in (bad, bad_sync_stop):
    ag = f()
    print(step(ag.__anext__()))
    try:
        step(ag.__anext__())
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))
