async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit, yielding anyway")
        yield 2


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "StopIteration " + repr(e.value)


ag = stubborn()
print(step(ag.__anext__()))
try:
    step(ag.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)


async def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("swallowed; returning normally is fine")


ag = swallow()
print(step(ag.__anext__()))
print(step(ag.aclose()))
