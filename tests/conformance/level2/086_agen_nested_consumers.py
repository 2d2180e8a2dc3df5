async def count(n):
    for i in range(n):
        yield i


async def pairs(n):
    async for a in count(n):
        async for b in count(a):
            yield (a, b)


async def doubled(source):
    async for x in source:
        yield x * 2


async def main():
    out = []
    async for p in pairs(4):
        out.append(p)
    print(out)
    collected = []
    async for x in doubled(count(4)):
        collected.append(x)
    print(collected)


try:
    main().send(None)
except StopIteration:
    print("done")
