async def square(x):
    return x * x


async def sum_squares(n):
    total = 0
    for i in range(n):
        total += await square(i)
    return total


async def main():
    results = []
    for n in (1, 3, 5):
        results.append(await sum_squares(n))
    return results


try:
    main().send(None)
except StopIteration as e:
    print(e.value)
