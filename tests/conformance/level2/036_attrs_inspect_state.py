import inspect


class Pause:
    def __await__(self):
        yield


async def job():
    print("  inside:", inspect.getcoroutinestate(c))
    await Pause()


c = job()
print(inspect.getcoroutinestate(c))
c.send(None)
print(inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c))

d = job()
d.close()
print("closed before start:", inspect.getcoroutinestate(d))

