# The awaitables returned by asend()/athrow() have send/throw/close too.
class Pause:
    def __await__(self):
        got = yield "pause"
        return got


async def agen():
    try:
        x = await Pause()
        print("  await got", x)
        yield "y1"
    except KeyError as e:
        print("  agen caught", repr(e))
        yield "after KeyError"


ag = agen()
a = ag.asend(None)
print(a.send(None))
try:
    a.send("hello")
except StopIteration as e:
    print("yielded", e.value)

ag = agen()
a = ag.__anext__()
print(a.send(None))
try:
    a.throw(KeyError("via asend.throw"))
except StopIteration as e:
    print("yielded", e.value)

ag = agen()
a = ag.__anext__()
print(a.send(None))
a.close()
print("asend.close() does not close the generator:", ag.ag_frame is not None)
