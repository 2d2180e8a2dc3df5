def f(x):
    try:
        y = int(x)
    except ValueError:
        y = 0
    except:
        raise
    else:
        y += 1
    finally:
        print("finally")
    return y
