import types


@types.coroutine
def switch(tag):
    got = yield tag
    return "switch(%s) got %r" % (tag, got)


async def task():
    r1 = await switch("one")
    print(r1)
    r2 = await switch("two")
    print(r2)
    return "task done"


print(type(switch("x")).__name__)
c = task()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print(e.value)


def plain():
    return "not a generator"

wrapped = types.coroutine(plain)
print(wrapped())
