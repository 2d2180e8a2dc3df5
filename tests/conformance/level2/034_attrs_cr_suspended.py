class Pause:
    def __await__(self):
        yield


async def job():
    print("  running: cr_suspended =", c.cr_suspended)
    await Pause()


c = job()
print("created:", c.cr_suspended)
c.send(None)
print("paused:", c.cr_suspended)
try:
    c.send(None)
except StopIteration:
    pass
print("finished:", c.cr_suspended)
