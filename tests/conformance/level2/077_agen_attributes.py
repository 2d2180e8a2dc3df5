class Pause:
    def __await__(self):
        yield "pause"


async def ticker(limit):
    count = 0
    while count < limit:
        await Pause()
        yield count
        count += 1


ag = ticker(2)
print(ag.__name__, ag.__qualname__)
print(ag.ag_code.co_name, ag.ag_code is ticker.__code__)
print("created: frame line", ag.ag_frame.f_lineno, "running", ag.ag_running, "await", ag.ag_await)
step = ag.__anext__()
print("send ->", step.send(None))
print("in await: line", ag.ag_frame.f_lineno, "running", ag.ag_running)
print("ag_await:", type(ag.ag_await).__name__, ag.ag_await.__qualname__)
try:
    step.send(None)
except StopIteration as e:
    print("yielded", e.value)
print("at yield: line", ag.ag_frame.f_lineno, "await", ag.ag_await, "locals", ag.ag_frame.f_locals)
for i in range(3):
    s = ag.__anext__()
    try:
        s.send(None)
        s.send(None)
    except StopIteration as e:
        print("yielded", e.value)
    except StopAsyncIteration:
        print("exhausted")
print("finished: frame", ag.ag_frame, "running", ag.ag_running)
