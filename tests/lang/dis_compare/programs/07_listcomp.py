def f(n):
    squares = [i * i for i in range(n) if i % 2]
    pairs = {k: v for k, v in zip("ab", "cd")}
    s = {x for x in squares}
    return squares, pairs, s
