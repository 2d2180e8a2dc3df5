def f(n):
    i = 0
    while i < n:
        i += 1
        if i == 5:
            break
        if i == 2:
            continue
    else:
        print("no break")
    for j in range(3):
        pass
    else:
        print("done")
    return i
