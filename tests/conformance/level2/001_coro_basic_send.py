# A coroutine runs only when driven; send(None) runs it to completion and the
# return value travels in StopIteration.value.
async def add(a, b):
    print("adding", a, b)
    return a + b

c = add(2, 3)
print("created")
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration.value =", e.value)
    print("args =", e.args)

async def nothing():
    pass

try:
    nothing().send(None)
except StopIteration as e:
    print("no return value:", e.value, e.args)
