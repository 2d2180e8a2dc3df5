def accumulate(values):
    total = 0
    count = 0
    for v in values:
        total += v
        count += 1
        yield total, count, total / count

for row in accumulate([4, 8, 15, 16, 23, 42]):
    print(row)
