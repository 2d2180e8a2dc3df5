# __anext__ can itself await; the values it yields reach the driver.
class Pause:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield self.what
        return reply


class Remote:
    def __init__(self, keys):
        self.keys = list(keys)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.keys:
            raise StopAsyncIteration
        key = self.keys.pop(0)
        return key, await Pause("fetch " + key)


async def main():
    out = {}
    async for key, value in Remote("xyz"):
        out[key] = value
    return out


c = main()
req = c.send(None)
n = 0
while True:
    print("driver serves", req)
    n += 1
    try:
        req = c.send(n * 100)
    except StopIteration as e:
        print(e.value)
        break
