# Two almost identical generators: one is closed by reference counting,
# the other sits in a reference cycle until gc.collect().
import gc


class Yielded:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Delete {}".format(self.name))


def foo():
    try:
        yield Yielded("foo")
        print("After yield: foo")
    except GeneratorExit:
        print("Exit foo")


def bar():
    try:
        x = Yielded("bar")
        yield x
        print("After yield: bar")
    except GeneratorExit:
        print("Exit bar")


def consume_one(generator):
    x = next(generator)
    x.g = generator


consume_one(foo())
consume_one(bar())
print("-- gc.collect() --")
gc.collect()
print("-- done --")
