class Step:
    def __init__(self, label):
        self.label = label

    def __await__(self):
        yield self.label


async def agen():
    try:
        yield "value"
    except ValueError:
        await Step("handling ValueError")
        yield "recovered"
    finally:
        await Step("async cleanup")
        print("cleanup finished")


def drive(awaitable):
    out = []
    try:
        while True:
            out.append(awaitable.send(None))
    except StopIteration as e:
        out.append(("StopIteration", e.value))
    except StopAsyncIteration:
        out.append("StopAsyncIteration")
    return out


g = agen()
print(drive(g.__anext__()))
print(drive(g.athrow(ValueError)))
print(drive(g.aclose()))
print(g.ag_frame)
