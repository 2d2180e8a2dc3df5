import types


class Pause:
    def __await__(self):
        yield "paused"


@types.coroutine
def raw():
    yield "raw"


async def inner():
    await Pause()
    return 1


async def outer():
    await inner()
    await raw()


o = outer()
print("created:", o.cr_await)
o.send(None)
i = o.cr_await
print("outer awaits:", type(i).__name__, i.__name__)
print("inner awaits:", type(i.cr_await).__name__, i.cr_await.__qualname__)
print("a generator has cr_await:", hasattr(i.cr_await, "cr_await"))
o.send(None)
print("outer awaits now:", type(o.cr_await).__name__, o.cr_await.__name__)
print("inner finished:", i.cr_frame, i.cr_await)
try:
    o.send(None)
except StopIteration:
    pass
print("done:", o.cr_await)
