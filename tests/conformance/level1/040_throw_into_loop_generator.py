class Reset(Exception):
    pass

def counter():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except Reset:
            print("reset!")
            n = 0

c = counter()
print(next(c), next(c), next(c))
print(c.throw(Reset))
print(next(c), next(c))
print(c.throw(Reset()))
