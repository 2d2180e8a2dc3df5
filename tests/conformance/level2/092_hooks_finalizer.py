import sys

pending = []


def finalizer(ag):
    print("finalizer called for", ag.__name__)
    pending.append(ag)


async def agen(name):
    try:
        yield name
        yield name
    finally:
        print("finally of", name)


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "end"


sys.set_asyncgen_hooks(finalizer=finalizer)
a = agen("a")
print(step(a.__anext__()))
del a
print("the finalizer kept it alive; closing it now")
print(step(pending.pop().aclose()))

b = agen("b")
del b
print("never started: finalizer not called")

c = agen("c")
print(step(c.__anext__()), step(c.__anext__()), step(c.__anext__()))
del c
print("exhausted: finalizer not called")
sys.set_asyncgen_hooks(None, None)
