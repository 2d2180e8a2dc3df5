def total(xs):
    return sum(x * 2 for x in xs if x > 0)

print(total([1, -2, 3]))
