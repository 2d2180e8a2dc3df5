class Pause:
    def __await__(self):
        yield


async def task(name):
    try:
        print(name, "started")
        await Pause()
        print(name, "never resumed")
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "finally")


c = task("a")
c.send(None)
print("closing")
print(c.close())
print("closed again:", c.close())
print("frame:", c.cr_frame)

d = task("b")
d.close()
print("closing an unstarted coroutine runs nothing")
