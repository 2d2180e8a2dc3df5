import types


async def native():
    print("native starts")
    return "native result"


@types.coroutine
def bridge():
    # a types.coroutine generator may delegate to a native coroutine
    r = yield from native()
    yield "bridge paused"
    return "bridge got " + r


def plain_gen():
    yield from native()


async def main():
    return await bridge()


c = main()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
try:
    next(plain_gen())
except TypeError as e:
    print("TypeError:", e)
