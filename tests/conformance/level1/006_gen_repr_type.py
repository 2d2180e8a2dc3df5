import types

def gen():
    yield

g = gen()
print(repr(g))
print(type(g))
print(isinstance(g, types.GeneratorType))
print(type(g) is types.GeneratorType)
print(type(gen))
print(gen)
print(str(g) == repr(g))
print(callable(g), hasattr(g, "send"), hasattr(g, "__next__"))
