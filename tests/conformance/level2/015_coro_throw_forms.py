class Pause:
    def __await__(self):
        message = "waiting"
        while True:
            try:
                yield message
            except Exception as e:
                print("awaitable saw", repr(e))
                message = "handled " + type(e).__name__


async def coro():
    await Pause()


c = coro()
print(c.send(None))
print(c.throw(ValueError))
print(c.throw(ValueError("instance")))
print(c.throw(TypeError, TypeError("three-arg form"), None))
c.close()

c = coro()
try:
    c.throw(KeyError("before start"))
except KeyError as e:
    print("unstarted coroutine raises at once:", repr(e))
print("closed:", c.cr_frame is None)
