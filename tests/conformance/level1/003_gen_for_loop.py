def countdown(n):
    while n > 0:
        yield n
        n -= 1
    print("liftoff")

for x in countdown(3):
    print(x)

total = 0
for x in countdown(4):
    if x == 2:
        break
    total += x
else:
    print("not reached")
print("total", total)

for x in countdown(0):
    print("never")
else:
    print("empty loop else")
