class Pause:
    def __await__(self):
        yield


async def slow():
    await Pause()
    yield "value"


ag = slow()
first = ag.__anext__()
first.send(None)
print("ag_running while suspended in await:", ag.ag_running)
second = ag.__anext__()
try:
    second.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    first.send(None)
except StopIteration as e:
    print("first finished with", e.value)
try:
    first.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
third = ag.aclose()
try:
    third.send(None)
except StopIteration:
    print("closed")
try:
    third.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
