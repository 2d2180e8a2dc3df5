def naturals():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("naturals finally at", n)

for v in naturals():
    if v * v > 20:
        print("stop at", v)
        break
print("after loop")
