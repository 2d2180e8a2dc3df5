cases = [
    lambda: int("abc"),
    lambda: int("12.5"),
    lambda: float("x1"),
    lambda: [1, 2].index(5),
    lambda: [1].remove(3),
    lambda: (1, 2).index(3),
    lambda: [][0],
    lambda: (1, 2)[5],
    lambda: "ab"[9],
    lambda: [].pop(),
    lambda: {"a": 1}["b"],
    lambda: {}[(1, 2)],
    lambda: range(3)[7],
]
for c in cases:
    try:
        c()
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
