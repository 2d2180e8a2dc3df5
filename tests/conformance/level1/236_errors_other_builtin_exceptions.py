for cls in [StopAsyncIteration, KeyboardInterrupt, OverflowError, MemoryError,
            NotImplementedError, ImportError, GeneratorExit, RecursionError]:
    try:
        raise cls("raised by hand")
    except BaseException as e:
        print(type(e).__name__, e.args, isinstance(e, Exception))

try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("caught", repr(e))
try:
    from itertools import no_such_name
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
