class Pause:
    def __await__(self):
        yield "paused"


async def worker():
    try:
        await Pause()
    except ValueError as e:
        print("worker caught", repr(e))
        await Pause()
        return "recovered"
    return "normal"


c = worker()
print(c.send(None))
print(c.throw(ValueError("boom")))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

c = worker()
print(c.send(None))
try:
    c.throw(KeyError)
except KeyError as e:
    print("propagated", repr(e))
print("frame after error:", c.cr_frame)
