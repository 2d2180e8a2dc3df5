class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def main():
    async for i in Countdown(3):
        print("loop", i)
    else:
        print("else ran: no break")
    async for i in Countdown(10):
        if i % 2:
            continue
        print("even", i)
        if i < 6:
            break
    else:
        print("not printed")
    c = Countdown(4)
    async for i in c:
        if i == 2:
            break
    print("remaining after break:", c.n)
    async for a in Countdown(2):
        async for b in Countdown(2):
            print("pair", a, b)


run(main())
