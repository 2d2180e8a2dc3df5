class Pause:
    def __await__(self):
        yield


async def probe():
    print("inside: cr_running =", me.cr_running)
    await Pause()
    print("inside again: cr_running =", me.cr_running)


def driver():
    me.send(None)


me = probe()
print("before: cr_running =", me.cr_running)
driver()
print("paused: cr_running =", me.cr_running)
try:
    me.send(None)
except StopIteration:
    pass
print("after: cr_running =", me.cr_running)
