import gc

class Box:
    pass

def gen(box):
    try:
        yield box
    finally:
        print("finally during gc")
        raise ValueError("closing failed during gc")

b = Box()
b.g = gen(b)
next(b.g)
del b
print("collecting")
gc.collect()
print("done")
