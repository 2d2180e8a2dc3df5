import sys


async def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print(name, "finally runs when the generator is freed")


def first(ag):
    try:
        ag.__anext__().send(None)
    except StopIteration as e:
        return e.value


print(sys.get_asyncgen_hooks())
ag = gen("a")
print("got", first(ag))
del ag
print("after del")


def scope():
    local = gen("b")
    print("got", first(local))
    print("leaving scope")

scope()
print("after scope")
unstarted = gen("c")
del unstarted
print("an unstarted async generator has nothing to clean up")
