import gc
import sys
import itertools
from itertools import count, islice
from inspect import getgeneratorstate
import weakref
import types

print(type(gc).__name__, gc.__name__, sys.__name__)
print(list(islice(count(3), 2)), itertools.islice is islice)
print(callable(getgeneratorstate), callable(weakref.ref), types.GeneratorType.__name__)
import gc
print(gc.isenabled(), type(sys).__name__)
try:
    import nonexistent_thing
except ModuleNotFoundError as e:
    print(type(e).__name__ + ":", e)
