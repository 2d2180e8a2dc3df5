from itertools import tee

def source():
    for i in range(4):
        print("source yields", i)
        yield i

a, b = tee(source())
print(next(a), next(a))
print(next(b))
print(list(a))
print(list(b))
x, y, z = tee([1, 2], 3)
print(list(x), list(y), list(z))
