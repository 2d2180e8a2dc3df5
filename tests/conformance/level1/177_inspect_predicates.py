import inspect
import types

def gen():
    yield

def plain():
    return 1

g = gen()
print(inspect.isgenerator(g), inspect.isgenerator(gen), inspect.isgenerator(plain()))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(plain))
print(inspect.isgeneratorfunction(lambda: (yield)))
print(inspect.isgenerator(x for x in []))
print(inspect.iscoroutine(g))
print(isinstance(g, types.GeneratorType), isinstance(iter([]), types.GeneratorType))

class K:
    def meth(self):
        yield self

print(inspect.isgeneratorfunction(K.meth), inspect.isgeneratorfunction(K().meth))
