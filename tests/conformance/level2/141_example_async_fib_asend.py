# The `async_fib` example: an async generator that sleeps before each value,
# driven one asend() at a time through loop.run_until_complete. Scaled down
# (sleep 0.01 s instead of 3 s); the final StopAsyncIteration is caught.
import asyncio


async def async_fib(n):
    t = 0
    i = 1
    j = 1
    r = 0
    result = None
    while t <= n:
        print("result", repr(result))
        await asyncio.sleep(0.01)
        if t < 2:
            result = yield i
        else:
            r = i + j
            result = yield r
            i = j
            j = r
        t += 1


class AsendTest(object):
    def __init__(self, n):
        self.f = async_fib(n)
        self.loop = asyncio.new_event_loop()

    async def make_the_call(self, val):
        r = await self.f.asend(val)
        print("repr asend", repr(r))

    def __call__(self, *args, **kwargs):
        self.loop.run_until_complete(self.make_the_call(args[0]))


a = AsendTest(3)
print(type(a.f))
for value in (None, "handsome", "handsome2", "handsome3", "handsome4"):
    try:
        a(value)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    frame = a.f.ag_frame
    print("  ag_frame:", "None" if frame is None else "line %d" % frame.f_lineno)
a.loop.close()
