class Step:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        got = yield self.label
        return got


async def guarded():
    try:
        x = await Step("body")
        print("body got", x)
        raise ValueError("fail")
    except ValueError as e:
        y = await Step("except")
        print("except got", y, "while handling", repr(e))
    finally:
        z = await Step("finally")
        print("finally got", z)
    return "end"


c = guarded()
out = c.send(None)
n = 0
while True:
    n += 1
    print("yielded", out)
    try:
        out = c.send(n)
    except StopIteration as e:
        print("returned", e.value)
        break
