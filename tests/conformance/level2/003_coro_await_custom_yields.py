# Values yielded by an awaitable's __await__ pass straight through every
# await up to whoever calls send(); sent values come back down.
class Ask:
    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question
        return answer


async def inner():
    a = await Ask("first?")
    b = await Ask("second?")
    return a + b


async def outer():
    total = await inner()
    print("inner returned", total)
    return total * 10


c = outer()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print("outer returned", e.value)
