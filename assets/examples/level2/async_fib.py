# An async generator driven one asend() at a time. Each call runs the event
# loop just long enough for the generator to sleep and yield its next number;
# the value passed to asend() becomes the result of the paused `yield`.
import asyncio


async def async_fib(n):
    t, i, j = 0, 1, 1
    result = None
    while t <= n:
        print("result", repr(result))
        await asyncio.sleep(0.01)
        if t < 2:
            result = yield i
        else:
            r = i + j
            result = yield r
            i, j = j, r
        t += 1


async def make_the_call(agen, val):
    r = await agen.asend(val)
    print("asend gave", repr(r))


loop = asyncio.new_event_loop()
f = async_fib(3)
for word in (None, "handsome", "handsome2", "handsome3", "handsome4"):
    try:
        loop.run_until_complete(make_the_call(f, word))
    except StopAsyncIteration:
        print("StopAsyncIteration: the generator is exhausted")
    print("  paused at", "nothing (ag_frame is None)" if f.ag_frame is None
          else "line %d" % f.ag_frame.f_lineno)
loop.close()
