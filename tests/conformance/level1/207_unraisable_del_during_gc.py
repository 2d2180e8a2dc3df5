import gc

class Cyclic:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("Cyclic.__del__")
        raise KeyError("from __del__ during collection")

Cyclic()
print("collecting")
gc.collect()
print("collected")
