async def accumulator():
    total = 0
    while True:
        value = yield total
        print("  received", value)
        if value is None:
            return
        total += value


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return "yield " + repr(e.value)
    except StopAsyncIteration:
        return "StopAsyncIteration"


ag = accumulator()
print(step(ag.asend(None)))
for v in (5, 10, 20):
    print(step(ag.asend(v)))
print(step(ag.asend(None)))
print(step(ag.asend(1)))

fresh = accumulator()
try:
    step(fresh.asend(7))
except TypeError as e:
    print("TypeError:", e)
