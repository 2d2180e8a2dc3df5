def make(factor):
    async def scale(x, *rest, offset=0, **kw):
        return [factor * v + offset for v in (x,) + rest], sorted(kw)
    return scale


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


scale = make(3)
print(run(scale(1, 2, 3, offset=1, b=2, a=1)))
print(scale.__name__, scale.__qualname__)


class Counter:
    def __init__(self):
        self.n = 0

    async def bump(self, by=1):
        self.n += by
        return self.n


k = Counter()
print(run(k.bump()), run(k.bump(5)), k.n)
