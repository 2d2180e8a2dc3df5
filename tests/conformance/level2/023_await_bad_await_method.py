class ReturnsInt:
    def __await__(self):
        return 5


class ReturnsCoroutine:
    def __await__(self):
        return helper()


class ReturnsIterator:
    def __await__(self):
        return iter([10, 20])


async def helper():
    return 0


async def await_it(obj):
    return await obj


for obj in (ReturnsInt(), ReturnsCoroutine()):
    try:
        await_it(obj).send(None)
    except TypeError as e:
        print("TypeError:", e)

c = await_it(ReturnsIterator())
print("iterator is fine:", c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("value:", e.value)
