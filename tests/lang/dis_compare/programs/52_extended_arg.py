def f(x):
    if x:
        a0 = x + 0; a1 = x + 1; a2 = x + 2; a3 = x + 3; a4 = x + 4; a5 = x + 5; a6 = x + 6; a7 = x + 7
        a8 = x + 8; a9 = x + 9; b0 = x * 0; b1 = x * 1; b2 = x * 2; b3 = x * 3; b4 = x * 4; b5 = x * 5
        c0 = x - 0; c1 = x - 1; c2 = x - 2; c3 = x - 3; c4 = x - 4; c5 = x - 5; c6 = x - 6; c7 = x - 7
        d0 = [x, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5]
        print(c0, c1, c2, c3, c4, c5, c6, c7, d0)
        print(c0, c1, c2, c3, c4, c5, c6, c7, d0)
        print(c0, c1, c2, c3, c4, c5, c6, c7, d0)
        print(c0, c1, c2, c3, c4, c5, c6, c7, d0)
    return x
