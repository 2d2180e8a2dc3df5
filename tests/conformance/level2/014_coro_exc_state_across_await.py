import sys


class Pause:
    def __await__(self):
        yield


async def handler():
    try:
        raise KeyError("k")
    except KeyError:
        print("before await:", repr(sys.exc_info()[1]))
        await Pause()
        print("after await:", repr(sys.exc_info()[1]))
        try:
            raise ValueError("v")
        except ValueError as e:
            print("context:", repr(e.__context__))
    print("outside:", sys.exc_info())


c = handler()
c.send(None)
print("driver sees:", sys.exc_info())
try:
    raise IndexError("driver")
except IndexError:
    try:
        c.send(None)
    except StopIteration:
        print("driver still handling:", repr(sys.exc_info()[1]))
