import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled; cleaning up asynchronously")
        await asyncio.sleep(0.01)
        print("stubborn: cleanup finished, returning a value")
        return "stubborn result"


async def quick():
    return "quick result"


async def main():
    asyncio.create_task(stubborn())
    asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print("asyncio.run waited for the cleanup")
