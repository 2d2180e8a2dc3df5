class NoAwait:
    pass


async def await_it(obj):
    return await obj


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


for obj in (3, "text", None, [1, 2], NoAwait()):
    try:
        run(await_it(obj))
    except TypeError as e:
        print("TypeError:", e)


def gen():
    yield 1

try:
    run(await_it(gen()))
except TypeError as e:
    print("TypeError:", e)
