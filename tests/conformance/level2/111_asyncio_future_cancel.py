import asyncio


async def main():
    fut = asyncio.Future()
    print("cancel() ->", fut.cancel())
    print("cancelled:", fut.cancelled(), "done:", fut.done())
    print("cancel() again ->", fut.cancel())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError", repr(str(e)))
    try:
        fut.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError too")
    try:
        await fut
    except asyncio.CancelledError:
        print("await raises CancelledError")
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
