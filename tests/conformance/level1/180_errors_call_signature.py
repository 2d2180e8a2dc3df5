def f(a, b, c=3):
    return a, b, c

def kw_only(a, *, flag):
    return a, flag

calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=5),
    lambda: f(1, a=2),
    lambda: kw_only(1),
    lambda: kw_only(1, 2),
    lambda: (lambda: 0)(1),
    lambda: f(*[1, 2, 3, 4, 5]),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(f(*[1, 2]), f(1, *(2,), c=9), kw_only(0, flag=True))
