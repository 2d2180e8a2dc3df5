nums = list(range(10))
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[c * r for c in range(3)] for r in range(3)])
print([s.upper() for s in ["a", "bc"] if s])
x = "outer"
print([x for x in "ab"], x)
print([i if i % 2 else -i for i in range(5)])
