async def numbers(n):
    print("agen started")
    for i in range(n):
        yield i
    print("agen exhausted")


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def main():
    out = []
    async for x in numbers(3):
        out.append(x * x)
    return out


print(run(main()))
print(type(numbers(1)))
print(numbers.__name__, type(numbers).__name__)
