# Send-driven coroutines: a running average fed one value at a time.
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

def grouped(n):
    result = 0.0
    for g in range(n // 1000):
        avg = averager()
        next(avg)
        for i in range(1000):
            result = avg.send(i + g)
        avg.close()
    return result

print(round(grouped(300000), 3))
