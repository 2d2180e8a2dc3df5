async def simple():
    yield 1


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "StopIteration " + repr(e.value)
    except StopAsyncIteration:
        return "StopAsyncIteration"


ag = simple()
print(step(ag.__anext__()))
print(step(ag.__anext__()))
try:
    print("athrow after the end:", step(ag.athrow(ValueError("after the end"))))
except ValueError as e:
    print("ValueError:", e)
print(step(ag.aclose()))

ag = simple()
print(step(ag.__anext__()))
aw = ag.athrow(GeneratorExit)
try:
    step(aw)
except GeneratorExit:
    print("athrow(GeneratorExit) re-raises it")
print("frame now:", ag.ag_frame)
w = ag.athrow(ValueError)
print(type(w).__name__)
w.close()
