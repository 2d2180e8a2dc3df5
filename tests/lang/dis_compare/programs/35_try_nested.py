def f(x):
    try:
        try:
            y = 1 / x
        finally:
            print("inner")
    except Exception as e:
        print(type(e).__name__)
        return -1
    return y
