# What an event loop does with the hooks, in miniature: firstiter records
# each async generator, finalizer queues aclose() to be driven later.
import sys

to_close = []
seen = []


def firstiter(ag):
    seen.append(ag.__name__)


def finalizer(ag):
    print("finalizer: scheduling aclose for", ag.__name__)
    to_close.append(ag.aclose())


class Pause:
    def __await__(self):
        yield


async def stream(name):
    try:
        yield name + "-1"
        yield name + "-2"
    finally:
        await Pause()
        print(name, "closed asynchronously")


def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value


sys.set_asyncgen_hooks(firstiter, finalizer)
s = stream("s")
print(drive(s.__anext__()))
del s
print("pending closes:", len(to_close))
while to_close:
    drive(to_close.pop(0))
print("seen:", seen)
sys.set_asyncgen_hooks(None, None)
