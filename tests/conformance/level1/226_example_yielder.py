def yielder():
    i = 5
    while i > 0:
        yield i
        i -= 1

print(yielder())
y = yielder()
print(next(y))
print(next(y))
print(next(y))
print(next(y))
print(next(y))
try:
    next(y)
except StopIteration:
    print("StopIteration")
for i in yielder():
    print(i)
