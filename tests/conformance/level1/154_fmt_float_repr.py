values = [0.1, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-4,
          1e-5, 0.5, 2.5e-8, 1 / 3, 2 / 3, 100.0, 3.0e22, 1.5e300 * 1e10,
          -1.5e300 * 1e10, 9007199254740993.0, 0.1 * 3, 1e22, 1e23]
for v in values:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(float("1.5"), float(" 2 "), float(3), float("1e3"))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5))
print(round(3.14159, 3), round(1234.5, -2), round(7))
print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2, -7.5 % 2)
print(2 ** -1, 2 ** 10, 2.0 ** 0.5, 10 ** 2, (-8) ** 2)
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
