async def f():
    return "ok"

c = f()
try:
    c.send("hello")
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("after the error it still runs:", e.value)
