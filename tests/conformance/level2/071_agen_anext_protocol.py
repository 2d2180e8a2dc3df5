# Driving an async generator by hand: __anext__() returns an awaitable; sending
# None into it either raises StopIteration(value) for a yielded value, or
# StopAsyncIteration when the generator is exhausted.
async def two():
    yield "first"
    yield "second"


ag = two()
for i in range(4):
    step = ag.__anext__()
    print(type(step).__name__)
    try:
        step.send(None)
    except StopIteration as e:
        print("  yielded", e.value)
    except StopAsyncIteration as e:
        print("  StopAsyncIteration", repr(e))
print(ag.__aiter__() is ag)
