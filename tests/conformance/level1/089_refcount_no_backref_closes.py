import gc

class Yielded:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Delete", self.name)

def temp_only():
    try:
        yield Yielded("temp_only")
    except GeneratorExit:
        print("Exit temp_only")

def kept_in_local():
    try:
        x = Yielded("kept_in_local")
        yield x
    except GeneratorExit:
        print("Exit kept_in_local")

def held_by_caller(make):
    y = next(make())
    print("holding", y.name)
    return y

y1 = held_by_caller(temp_only)
y2 = held_by_caller(kept_in_local)
print("dropping results")
del y1
del y2
print("collect")
gc.collect()
print("end")
