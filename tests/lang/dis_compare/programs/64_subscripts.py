def f(m, i, j):
    m[i][j] = m[j][i]
    m[i:j] = []
    v = m[i, j]
    m[-1] += 1
    del m[i:j:2]
    return v, m[::-1], m["k"]
