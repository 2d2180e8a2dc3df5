# A tiny round-robin scheduler: each coroutine yields control with an
# awaitable that yields to the driver loop.
import types


@types.coroutine
def switch():
    yield


async def worker(name, n):
    for i in range(n):
        print(name, "step", i)
        await switch()
    return name + " finished"


ready = [worker("A", 3), worker("B", 1), worker("C", 2)]
results = []
while ready:
    c = ready.pop(0)
    try:
        c.send(None)
    except StopIteration as e:
        results.append(e.value)
    else:
        ready.append(c)
print(results)
