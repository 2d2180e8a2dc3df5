def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

a = averager()
next(a)
print(a.send(10), a.send(20))
