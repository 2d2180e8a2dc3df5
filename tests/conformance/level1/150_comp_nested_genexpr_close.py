def numbers():
    try:
        for i in range(10):
            yield i
    finally:
        print("numbers finally")

squares = (n * n for n in numbers())
print(next(squares), next(squares))
del squares
print("after del genexpr")

for v in (n for n in numbers() if n > 2):
    print("first > 2:", v)
    break
print("after loop")
