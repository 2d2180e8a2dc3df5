class NoAiter:
    pass


class AiterReturnsInt:
    def __aiter__(self):
        return 1


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def loop_over(obj):
    async for x in obj:
        print("got", x)


for obj in ([1, 2], NoAiter(), AiterReturnsInt(), AnextNotAwaitable()):
    try:
        run(loop_over(obj))
    except TypeError as e:
        print("TypeError:", e)


async def sync_for_over_async():
    class OnlyAsync:
        def __aiter__(self):
            return self
    for x in OnlyAsync():
        pass

try:
    run(sync_for_over_async())
except TypeError as e:
    print("TypeError:", e)
