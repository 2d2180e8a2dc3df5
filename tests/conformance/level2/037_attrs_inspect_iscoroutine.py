import inspect
import types


async def native():
    pass


@types.coroutine
def legacy():
    yield


def gen():
    yield


async def agen():
    yield


class Awaitable:
    def __await__(self):
        yield


c = native()
for label, obj in [("native()", c), ("legacy()", legacy()), ("gen()", gen()),
                   ("agen()", agen()), ("Awaitable()", Awaitable()),
                   ("native", native), ("42", 42)]:
    print(label.ljust(12), inspect.iscoroutine(obj), inspect.isgenerator(obj))
print(isinstance(legacy(), types.GeneratorType))
c.close()
