async def numbers():
    try:
        for i in range(5):
            yield i
    finally:
        print("numbers finally")


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def main():
    gen = numbers()
    async for x in gen:
        if x == 1:
            break
    print("after break: still open:", gen.ag_frame is not None)
    async for x in gen:
        print("resumed with", x)
        if x == 3:
            break
    await gen.aclose()
    print("after aclose:", gen.ag_frame)
    return "ok"


print(run(main()))
