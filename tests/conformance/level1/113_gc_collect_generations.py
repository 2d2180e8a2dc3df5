import gc

class N:
    def __init__(self, name):
        self.name = name
        self.self_ref = self

    def __del__(self):
        print("del", self.name)

gc.collect()
x = N("x")
del x
for gen in (0, 1, 2):
    print("collect generation", gen)
    gc.collect(gen)
print(gc.collect())
