class Pause:
    def __await__(self):
        yield


async def leaf(x):
    await Pause()
    return 10 // x


async def middle(x):
    return await leaf(x)


async def top():
    print("result:", await middle(0))


c = top()
c.send(None)
print("resuming")
c.send(None)
