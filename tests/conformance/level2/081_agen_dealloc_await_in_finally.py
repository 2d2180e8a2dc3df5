class Pause:
    def __await__(self):
        yield


async def needs_await_to_close():
    try:
        yield "value"
    finally:
        print("finally starts, about to await")
        await Pause()
        print("not reached when closed synchronously")


ag = needs_await_to_close()
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("got", e.value)
del ag
print("program continues")
