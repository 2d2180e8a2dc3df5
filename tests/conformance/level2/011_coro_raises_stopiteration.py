async def bad():
    raise StopIteration("inner")

try:
    bad().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))

async def bad2():
    raise StopAsyncIteration

# only async generators convert StopAsyncIteration; a coroutine lets it out
try:
    bad2().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration passes through:", repr(e))
