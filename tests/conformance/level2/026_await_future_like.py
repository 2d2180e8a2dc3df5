# A minimal future: awaiting it yields the future itself to the driver, which
# resolves it and resumes the coroutine.
class MiniFuture:
    def __init__(self, label):
        self.label = label
        self.result = None
        self.done = False

    def __await__(self):
        if not self.done:
            yield self
        return self.result


async def fetch(label):
    value = await MiniFuture(label)
    return label + "=" + str(value)


async def main():
    a = await fetch("a")
    b = await fetch("b")
    ready = MiniFuture("ready")
    ready.done, ready.result = True, "immediate"
    c = await ready
    return [a, b, c]


coro = main()
fut = coro.send(None)
values = iter([1, 2])
while True:
    print("driver resolves", fut.label)
    fut.result, fut.done = next(values), True
    try:
        fut = coro.send(None)
    except StopIteration as e:
        print(e.value)
        break
