async def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "StopIteration " + repr(e.value)
    except StopAsyncIteration:
        return "StopAsyncIteration"


ag = resource()
print(step(ag.__anext__()))
closer = ag.aclose()
print(type(closer).__name__)
print(step(closer))
print("frame:", ag.ag_frame)
print(step(ag.__anext__()))
print("aclose again:", step(ag.aclose()))

never = resource()
print("aclose before start:", step(never.aclose()))
print(step(never.__anext__()))
