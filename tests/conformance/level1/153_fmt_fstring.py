name = "world"
n = 7
pi = 3.14159265358979
items = ["a", "b"]
print(f"hello {name}!")
print(f"{n} squared is {n * n}, half is {n / 2}")
print(f"{pi:.2f} {pi:10.4f}| {n:03d} {n:>4} {n:<4}|")
print(f"{name!r} {name!s} {name.upper()}")
print(f"{items} {items[0]} {len(items)}")
print(f"{'nested'} {'quote' + 's'}")
width = 8
print(f"[{name:^{width}}]")
print(f"{n if n > 5 else 'small'}")
print(f"{{braces}} {n}")
print(f"{3.0} {1e20} {1/3}")
d = {"k": 1}
print(f"{d['k']} {d}")
print(f"{pi:.0f} {-pi:.3f} {n * 1.0}")
