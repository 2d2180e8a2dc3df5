async def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("generator finally")


async def consume():
    gen = numbers()
    try:
        async for x in gen:
            print("got", x)
            if x == 2:
                raise ValueError("consumer failed")
    finally:
        print("consumer closes explicitly")
        await gen.aclose()


try:
    consume().send(None)
except ValueError as e:
    print("caught", repr(e))
