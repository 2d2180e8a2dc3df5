async def once():
    return 42

c = once()
try:
    c.send(None)
except StopIteration as e:
    print("first run:", e.value)
for attempt in range(2):
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)


async def awaits_twice():
    inner = once()
    print(await inner)
    print(await inner)

try:
    awaits_twice().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
