x = 10
if x = 10:
    print(x)
