print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(0.125, 2))
print(round(10.0), type(round(10.0)).__name__, type(round(10.0, 1)).__name__)
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(divmod(9, 4), divmod(-9, 4), divmod(9, -4), divmod(9.0, 4))
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(2 ** 5, 10 // 3, 10 % 3)
print(min(-1, -2), max(0.5, 1), sum(range(5)))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
