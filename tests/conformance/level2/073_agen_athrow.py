async def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("  agen handled", repr(e))
            n += 100
        n += 1


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "yield " + repr(e.value)
    except StopAsyncIteration:
        return "StopAsyncIteration"


ag = resilient()
print(step(ag.__anext__()))
print(step(ag.athrow(ValueError("bad"))))
print(step(ag.athrow(ValueError)))
print(step(ag.__anext__()))
try:
    step(ag.athrow(KeyError("fatal")))
except KeyError as e:
    print("propagated", repr(e))
print("after propagation:", step(ag.__anext__()))

new = resilient()
try:
    step(new.athrow(ValueError("before start")))
except ValueError as e:
    print("unstarted:", repr(e))
print(step(new.__anext__()))
