import asyncio
import sys


print("outside:", sys.get_asyncgen_hooks())


async def main():
    h = sys.get_asyncgen_hooks()
    print("firstiter set:", h.firstiter is not None, "finalizer set:", h.finalizer is not None)


asyncio.run(main())
print("restored:", sys.get_asyncgen_hooks())
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("restored again:", sys.get_asyncgen_hooks())
loop.close()
