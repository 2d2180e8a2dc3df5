class Manager:
    def __init__(self, suppress):
        self.suppress = suppress

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("__aexit__ got", exc_type.__name__ if exc_type else None, repr(exc))
        return self.suppress


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def main():
    async with Manager(True):
        raise ValueError("swallowed")
    print("continued after suppression")
    try:
        async with Manager(False):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", repr(e))
    async with Manager(False):
        pass
    for i in range(3):
        async with Manager(False):
            if i == 1:
                break
    print("break left the block after", i)
    return "done"


print(run(main()))
