words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print({i: i * i for i in range(5) if i != 2})
print(sorted({len(w) for w in words}))
print({n % 4 for n in range(20)})
print({k: v for k, v in zip("abc", range(3))})
inverted = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inverted)
