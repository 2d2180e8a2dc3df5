def f(m):
    return list((i, j) for i in range(m) for j in range(i) if j)

def g(rows):
    return [[c for c in row] for row in rows]
