import gc

class Holder:
    pass

def gen(holder):
    holder.g = None
    try:
        yield holder
    finally:
        print("gen closed")

h = Holder()
g = gen(h)
next(g)
h.g = g
del g, h
print("cycle unreachable but still alive")
gc.collect()
print("after gc.collect")
