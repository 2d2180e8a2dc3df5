n = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
else:
    print("while-else not reached")

i = 0
while i < 3:
    i += 1
else:
    print("while-else reached, i =", i)

for x in range(3):
    pass
print("loop var after loop:", x)

def classify(v):
    if v < 0:
        return "neg"
    elif v == 0:
        return "zero"
    elif v < 10:
        return "small"
    else:
        return "big"

print([classify(v) for v in (-5, 0, 3, 42)])
print("yes" if [] else "no", "yes" if [0] else "no")
