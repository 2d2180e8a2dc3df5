nothing = None
five = 5
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: nothing(),
    lambda: five(),
    lambda: nothing[0],
    lambda: len(5),
    lambda: iter(5),
    lambda: next([1]),
    lambda: -"x",
    lambda: "a" < 1,
    lambda: {[1]: 2},
    lambda: "x" * "y",
    lambda: sum(["a", "b"]),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
