def t(label, value):
    print("eval", label)
    return value

print(t("a", 0) and t("b", 1))
print(t("a", 2) and t("b", 3))
print(t("a", "") or t("b", "fallback"))
print(t("a", "first") or t("b", "never"))
print(not 0, not "x", not None, not [])
print(1 < 2 < 3 > 0, 1 < 2 > 5, 0 < t("mid", 5) < 10)
print(None or 0 or [] or "last", 1 and 2 and 3)
x = 5
print(x in [1, 5], x not in (1, 2), "b" in {"a": 1, "b": 2}, 3 in range(5))
print(x is not None, type(x) is int)
