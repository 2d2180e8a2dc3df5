def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count

avg = averager()
next(avg)
for v in [10, 30, 5, 7.5]:
    print(v, "->", avg.send(v))
