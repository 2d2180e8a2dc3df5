import sys

calls = []


def firstiter(ag):
    calls.append(ag.__name__)
    print("firstiter called for", ag.__qualname__, "frame line", ag.ag_frame.f_lineno)


async def agen(n):
    for i in range(n):
        yield i


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "end"


sys.set_asyncgen_hooks(firstiter=firstiter)
a = agen(2)
print("created; no hook call yet:", calls)
print(step(a.__anext__()))
print(step(a.__anext__()))
print(step(a.__anext__()))
print("called once:", calls)
b = agen(1)
print("asend also triggers it:", step(b.asend(None)))
c = agen(1)
c.aclose()
print("aclose() object creation triggers it too:", calls)
sys.set_asyncgen_hooks(firstiter=None)
d = agen(1)
print(step(d.__anext__()), calls)
