import asyncio


def show(label, fn, *args):
    try:
        r = fn(*args)
        print(label, "->", r)
    except asyncio.InvalidStateError as e:
        print(label, "-> InvalidStateError:", e)


async def main():
    fut = asyncio.Future()
    show("result() pending", fut.result)
    show("exception() pending", fut.exception)
    fut.set_result(1)
    show("set_result() twice", fut.set_result, 2)
    show("set_exception() after result", fut.set_exception, ValueError())
    show("result()", fut.result)
    show("cancel() when done", fut.cancel)
    print(issubclass(asyncio.InvalidStateError, Exception))
    print(asyncio.InvalidStateError.__name__)


asyncio.run(main())
