async def compute():
    return 1


async def main():
    x = await compute()
    print("x =", x)
    y = await x
    print("unreachable", y)


main().send(None)
